/** Workbook files imported by the preview: webpack emits them as assets and gives their URL. */
declare module "*.xlsx" {
  const url: string;
  export default url;
}
