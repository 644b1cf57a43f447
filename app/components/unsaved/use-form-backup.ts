import { useLocation, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import type { LocalDraft } from "./local-draft";

interface Options<T> {
  backup: LocalDraft<T>;
  base: string;
  restored: boolean;
  /** react-hook-form's watch: called on every change of the form. */
  watch: (onChange: () => void) => { unsubscribe: () => void };
  value: () => T;
}

/**
 * For forms sent by their own button (dictionary entry, position): keeps every change in the browser until
 * the server accepts the form, known by the redirect that follows its submission. Returns the ref the
 * <form> element takes.
 */
export function useFormBackup<T>({ backup, base, restored, watch, value }: Options<T>) {
  const formRef = useRef<HTMLFormElement>(null);
  const latest = useRef(value);
  latest.current = value;
  useEffect(() => {
    const subscription = watch(() => void backup.write(latest.current(), base));
    return () => subscription.unsubscribe();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- one subscription for the form's life
  }, [backup, base]);
  const location = useLocation();
  const navigation = useNavigation();
  useEffect(() => {
    if (navigation.state !== "loading" || !navigation.formAction) return;
    const sentHere = new URL(navigation.formAction, window.location.origin).pathname === location.pathname;
    if (sentHere && navigation.location.pathname !== location.pathname) backup.clear();
  }, [navigation, location.pathname, backup]);
  useEffect(() => {
    // restored input was never sent: the leave guard treats it as typed
    if (restored) formRef.current?.dispatchEvent(new Event("input", { bubbles: true }));
  }, [restored]);
  return formRef;
}
