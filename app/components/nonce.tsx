import { createContext, useContext } from "react";

// The per-response nonce of the Content-Security-Policy (server/middleware.ts), handed by entry.server to
// the inline scripts Remix renders. The browser hides it from scripts, so on the client it is undefined.
export const NonceContext = createContext<string | undefined>(undefined);
export const useNonce = () => useContext(NonceContext);
