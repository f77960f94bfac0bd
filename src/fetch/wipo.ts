/**
 * WIPO publishes no API for the Global Innovation Index or the IP Statistics Data Center
 * (apis.md §6): `linkage fetch wipo:gii` / `wipo:ipstats` and the `gii-indicator` recipe print
 * these steps. The URLs are the ones public code used (the GII 2025 file name is CONFLICT in
 * apis.md: edocs `wipo-pub-2000-2025-tech1.xlsx` vs tind record 58882); none were checked live.
 */
export function wipoSteps(which: string): string {
  if (which === 'ipstats' || which === 'wipo-ipstats') {
    return `WIPO IP Statistics Data Center has no public API. To get the data by hand:
  1. Open https://www3.wipo.int/ipstats/ in a browser ("IP Statistics Data Center").
  2. Choose the indicator (e.g. "1 - Total patent applications (direct and PCT national phase entries)"),
     the report type (e.g. "Total count by applicant's origin"), the offices or origins and the years.
  3. Press "Export" and save the CSV file (it has a six-line preamble; keep it as saved).
  4. Check it with \`linkage inspect FILE.csv\` (format "WIPO IP Statistics Data Center CSV export"), then give it
     to compute with --input FILE.csv.
`;
  }
  return `The WIPO Global Innovation Index has no public API. To get the data by hand:
  1. Download the edition's data annex in a browser (WIPO may refuse non-browser clients):
       GII 2024: https://www.wipo.int/edocs/pubdocs/en/wipo-pub-2000-2024-tech1.xlsx
       GII 2025: https://www.wipo.int/edocs/pubdocs/en/wipo-pub-2000-2025-tech1.xlsx
                 (also published as https://tind.wipo.int/record/58882/files/wipo-pub-2000-2025-gii-tech1.xlsx)
     Older editions: the "GII dataset" workbook of that year's report page (https://www.wipo.int/global_innovation_index/).
  2. Save the .xlsx as it is (sheet "Data": ISO3, ECONOMY_NAME, NUM, NAME, SCORE, RANK, ...).
  3. Check it with \`linkage inspect FILE.xlsx\` (format "WIPO Global Innovation Index dataset"), then compute with
       linkage compute --input FILE.xlsx --indicator gii-indicator --option num=GII
`;
}
