/** exceljs takes ~0.5 s to load: it is imported when a spreadsheet is first needed, not at start-up. */
export const loadExcel = async () => (await import('exceljs')).default;
