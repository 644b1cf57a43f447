import type { CoverageRow } from "~/domain/skj-coverage";

const SEGMENTS = [
  { key: "published", label: "Ditetapkan", color: "#1f6b3a" },
  { key: "inReview", label: "Dalam tinjauan", color: "#c98a00" },
  { key: "draft", label: "Draf", color: "#1a63b0" },
  { key: "none", label: "Belum ada", color: "#c9cfd6" },
] as const;

/** Horizontal stacked bars, one per perangkat daerah, in plain SVG (no chart library). */
export function CoverageChart({ rows }: { rows: CoverageRow[] }) {
  const barHeight = 22;
  const gap = 10;
  const labelWidth = 300;
  const width = 900;
  const barWidth = width - labelWidth - 60;
  const height = rows.length * (barHeight + gap) + 30;
  return (
    <figure style={{ margin: 0 }}>
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label="Grafik cakupan SKJ per perangkat daerah">
        {rows.map((row, i) => {
          const y = i * (barHeight + gap);
          let x = labelWidth;
          return (
            <g key={row.unitId}>
              <text x={labelWidth - 8} y={y + barHeight / 2 + 5} textAnchor="end" fontSize="13" fill="#1d232b">
                {row.name.length > 42 ? `${row.name.slice(0, 41)}…` : row.name}
              </text>
              {SEGMENTS.map((s) => {
                const w = row.total ? (row[s.key] / row.total) * barWidth : 0;
                const rect = w > 0 ? <rect key={s.key} x={x} y={y} width={w} height={barHeight} fill={s.color} /> : null;
                x += w;
                return rect;
              })}
              {row.total === 0 ? (
                <rect x={labelWidth} y={y} width={barWidth} height={barHeight} fill="none" stroke="#c9cfd6" strokeDasharray="4 3" />
              ) : null}
              <text x={labelWidth + barWidth + 8} y={y + barHeight / 2 + 5} fontSize="13" fill="#434c57">
                {row.total ? `${Math.round((row.published / row.total) * 100)}%` : "—"}
              </text>
            </g>
          );
        })}
        <g transform={`translate(${labelWidth}, ${rows.length * (barHeight + gap) + 8})`}>
          {SEGMENTS.map((s, i) => (
            <g key={s.key} transform={`translate(${i * 140}, 0)`}>
              <rect width="12" height="12" fill={s.color} />
              <text x="18" y="11" fontSize="12" fill="#434c57">
                {s.label}
              </text>
            </g>
          ))}
        </g>
      </svg>
    </figure>
  );
}
