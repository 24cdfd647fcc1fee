// Catalan text an admin reads in a terminal: npm start and npm run setup. npm run deploy's
// is in ca-deploy.ts; the form script's in ca-forms.ts.

export const caAdmin = {
  start: {
    banner: (url: string, intakeSecret: string, spreadsheetId: string) =>
      [
        `XMESS local a ${url}`,
        `  Pàgina:          ${url}/`,
        `  Intake (POST):   ${url}/intake   secret: ${intakeSecret}`,
        `  Sheets API:      ${url}/v4/spreadsheets/${spreadsheetId}`,
        `  Correus:         ${url}/outbox`,
        `  Estat desat a .local/ (npm start -- --reset per començar de nou)`,
        `  Entorn de les funcions: .local/functions.env (per engegar-ne una altra instància: vegeu el README)`,
        '',
      ].join('\n'),
  },
  setup: {
    needSpreadsheet: 'Cal indicar el full: npm run setup -- --spreadsheet <ID> (o SPREADSHEET_ID)',
    notAccounts: (list: readonly string[]) => `No són adreces de compte de servei: ${list.join(', ')}`,
    writers: (list: readonly string[]) => `Comptes que escriuen (editors de les columnes protegides): ${list.join(', ')}`,
    noWriters: 'Sense --writer: les proteccions només avisen. Torneu-ho a executar amb els comptes que imprimeix npm run deploy.',
    changes: (dryRun: boolean) => (dryRun ? 'Canvis previstos (no s’ha escrit res)' : 'Canvis fets'),
    upToDate: 'El full ja està al dia: cap canvi.',
    /** One line per planned change (describeStep in workspace/setup-plan.ts picks the line). */
    step: {
      addTab: (tab: string) => `crea la pestanya «${tab}»`,
      addHeaders: (tab: string, headers: readonly string[]) => `afegeix a «${tab}» les capçaleres: ${headers.join(', ')}`,
      renameHeader: (tab: string, from: string, to: string) => `reanomena a «${tab}» la capçalera «${from}» com a «${to}» (la columna i el que conté es queden)`,
      textFormat: (tab: string, columns: number) => `format de text pla a ${columns} columnes de «${tab}»`,
      seed: (tab: string, rows: number) => `omple «${tab}» amb ${rows} files inicials`,
      notes: (tab: string, notes: number) => `escriu ${notes} notes de capçalera a «${tab}»`,
      validation: (tab: string, header: string) => `validació de «${header}» a «${tab}»`,
      formulas: (tab: string, header: string, rows: number) => `fórmules de «${header}» a «${tab}» (${rows} files)`,
      protect: (tab: string, key: string, wholeTab: boolean, editors: readonly string[]) =>
        `protegeix ${wholeTab ? 'tota la pestanya' : 'columnes calculades'} a «${tab}» (${key}): ${
          editors.length ? `només hi escriuen ${editors.join(', ')}` : 'només amb avís (sense --writer)'
        }`,
      enforce: (tab: string, key: string, editors: readonly string[]) =>
        `la protecció ${key} de «${tab}» deixa de ser només un avís: hi escriuen ${editors.join(', ')}`,
      conditional: (tab: string, formula: string) => `format condicional a «${tab}»: ${formula}`,
      filterView: (tab: string, name: string) => `vista filtrada «${name}» a «${tab}»`,
      chart: (tab: string, chart: string) => `gràfic «${chart}» a «${tab}»`,
    },
  },
} as const;
