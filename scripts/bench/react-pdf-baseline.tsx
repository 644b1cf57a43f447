// The baseline issue 7 names for one SKJ PDF: @react-pdf/renderer laying out the same print model as the
// Chromium print (lampiran header, identity table, competency table with indicators and a header row repeated
// on every page, requirements, signature, "Halaman x dari y", Arimo embedded). Bench-only: the app prints
// with Chromium (docs/decisions/006-pdf-with-chromium.md), so react-pdf never enters the app's bundle.
import { createRequire } from "node:module";
import { Document, Font, Page, renderToBuffer, StyleSheet, Text, View } from "@react-pdf/renderer";
import type { SkjPrintModel } from "~/domain/skj-print";

const require = createRequire(import.meta.url);
let registered = false;

function registerFont() {
  if (registered) return;
  // react-pdf reads TTF and WOFF, not WOFF2: the package's .woff files of the same faces the app embeds
  Font.register({
    family: "Arimo",
    fonts: [
      { src: require.resolve("@fontsource/arimo/files/arimo-latin-400-normal.woff"), fontWeight: 400 },
      { src: require.resolve("@fontsource/arimo/files/arimo-latin-700-normal.woff"), fontWeight: 700 },
    ],
  });
  // its default hyphenation is English; Indonesian words are better left whole, as Chromium leaves them
  Font.registerHyphenationCallback((word) => [word]);
  registered = true;
}

const BORDER = "0.75pt solid #000";
const s = StyleSheet.create({
  page: { fontFamily: "Arimo", fontSize: 10.5, paddingTop: "18mm", paddingRight: "15mm", paddingBottom: "20mm", paddingLeft: "15mm" },
  lampiran: { marginLeft: "52%", marginBottom: 14, fontSize: 10 },
  title: { textAlign: "center", fontSize: 13, fontWeight: 700 },
  subtitle: { textAlign: "center", fontWeight: 700, marginBottom: 10, textTransform: "uppercase" },
  h3: { fontSize: 11, fontWeight: 700, marginTop: 11, marginBottom: 4 },
  table: { borderTop: BORDER, borderLeft: BORDER },
  row: { flexDirection: "row" },
  cell: { borderRight: BORDER, borderBottom: BORDER, padding: 4 },
  head: { backgroundColor: "#e8e8e8", fontWeight: 700, textAlign: "center" },
  rowHead: { backgroundColor: "#f4f4f4", fontWeight: 700 },
  center: { textAlign: "center" },
  signature: { marginTop: 20, marginLeft: "55%", textAlign: "center" },
  footer: { position: "absolute", bottom: "8mm", left: 0, right: 0, textAlign: "center", fontSize: 8 },
});

const COMPETENCY_WIDTHS = ["4%", "20%", "7%", "29%", "40%"] as const;

function Lines({ items }: { items: string[] }) {
  if (items.length === 0) return <Text>—</Text>;
  return (
    <View>
      {items.map((t, i) => (
        <Text key={i}>{items.length === 1 ? t : `${i + 1}. ${t}`}</Text>
      ))}
    </View>
  );
}

function KeyValue({ label, children, width = "28%" }: { label: string; children: React.ReactNode; width?: string }) {
  return (
    <View style={s.row} wrap={false}>
      <Text style={[s.cell, s.rowHead, { width }]}>{label}</Text>
      <View style={[s.cell, { flex: 1 }]}>{typeof children === "string" ? <Text>{children}</Text> : children}</View>
    </View>
  );
}

function SkjPdf({ model }: { model: SkjPrintModel }) {
  const { identity, groups, requirements: r, lampiran: l, signature: sig } = model;
  return (
    <Document title={`SKJ ${identity.code} ${identity.name}`}>
      <Page size="A4" style={s.page}>
        {l ? (
          <View style={s.lampiran}>
            <Text>LAMPIRAN</Text>
            <Text>{`${l.kind} ${l.region}`}</Text>
            <Text>{`NOMOR ${l.number} TAHUN ${l.year}`}</Text>
            <Text>TENTANG</Text>
            <Text>{l.title}</Text>
          </View>
        ) : null}
        <Text style={s.title}>STANDAR KOMPETENSI JABATAN</Text>
        <Text style={s.subtitle}>{identity.group}</Text>
        <Text style={s.h3}>I. IDENTITAS JABATAN</Text>
        <View style={s.table}>
          <KeyValue label="Nama Jabatan">{identity.name}</KeyValue>
          <KeyValue label="Kelompok Jabatan">{identity.group}</KeyValue>
          <KeyValue label="Unit Kerja">{identity.unitPath}</KeyValue>
          <KeyValue label="Urusan Pemerintahan">{identity.governmentAffair}</KeyValue>
          <KeyValue label="Kode Jabatan">{identity.code}</KeyValue>
          <KeyValue label="Ikhtisar Jabatan">{identity.summary || "—"}</KeyValue>
        </View>
        <Text style={s.h3}>II. STANDAR KOMPETENSI</Text>
        <View style={s.table}>
          {/* fixed: repeated at the top of every page the table runs onto, as Chromium repeats <thead> */}
          <View style={s.row} fixed>
            {["No", "Kompetensi", "Level", "Deskripsi", "Indikator Kompetensi"].map((h, i) => (
              <Text key={h} style={[s.cell, s.head, { width: COMPETENCY_WIDTHS[i] }]}>
                {h}
              </Text>
            ))}
          </View>
          {groups.map((g) => [
            <View key={g.title} style={s.row} wrap={false}>
              <Text style={[s.cell, s.rowHead, { width: "100%" }]}>{g.title}</Text>
            </View>,
            ...g.rows.map((row) => (
              <View key={`${g.title}-${row.code}`} style={s.row} wrap={false}>
                <Text style={[s.cell, s.center, { width: COMPETENCY_WIDTHS[0] }]}>{row.no}</Text>
                <Text style={[s.cell, { width: COMPETENCY_WIDTHS[1] }]}>{row.name}</Text>
                <Text style={[s.cell, s.center, { width: COMPETENCY_WIDTHS[2] }]}>{row.level}</Text>
                <Text style={[s.cell, { width: COMPETENCY_WIDTHS[3] }]}>{row.description}</Text>
                <View style={[s.cell, { width: COMPETENCY_WIDTHS[4] }]}>
                  {row.indicators.map((ind) => (
                    <Text key={ind.number}>{`${ind.number}  ${ind.text}`}</Text>
                  ))}
                </View>
              </View>
            )),
          ])}
        </View>
        <Text style={s.h3}>III. PERSYARATAN JABATAN</Text>
        <View style={s.table}>
          {r.map((row, i) => (
            <KeyValue key={i} label={`${row.no} ${row.label}`} width="30%">
              {row.kind === "row" ? <Lines items={row.items} /> : ""}
            </KeyValue>
          ))}
        </View>
        {sig ? (
          <View style={s.signature} wrap={false}>
            <Text>{`Ditetapkan di ${sig.place ?? ""}`}</Text>
            <Text>{`pada tanggal ${sig.signedOn ?? ""}`}</Text>
            <Text>{sig.title ? `${sig.title.toUpperCase()},` : ""}</Text>
            <View style={{ height: 50 }} />
            <Text style={{ fontWeight: 700 }}>{sig.name ?? ""}</Text>
          </View>
        ) : null}
        <Text style={s.footer} fixed render={({ pageNumber, totalPages }) => `Halaman ${pageNumber} dari ${totalPages}`} />
      </Page>
    </Document>
  );
}

/** The SKJ of `model` rendered by @react-pdf/renderer, as PDF bytes. */
export async function renderReactPdf(model: SkjPrintModel): Promise<Uint8Array> {
  registerFont();
  return new Uint8Array(await renderToBuffer(<SkjPdf model={model} />));
}
