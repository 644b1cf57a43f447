/** SKJ coverage of one perangkat daerah: its positions (whole subtree) by SKJ status, as Beranda charts them. */
export interface CoverageRow {
  unitId: number;
  code: string;
  name: string;
  total: number;
  published: number;
  inReview: number;
  draft: number;
  none: number;
}
