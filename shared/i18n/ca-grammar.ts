// The few rules of Catalan that text built from data must follow: elision and contraction
// before a date ("de l’1 de maig", "al 8 de maig"), a place name's article in lower case
// mid-sentence ("amb la Garriga"), and a call's title that already says "Convocatòria".

/** "1 de maig" and "11 de maig" begin with a vowel sound: "l’1", "l’11". */
const elides = (date: string) => /^(1|11)(\D|$)/.test(date);

/** "de l’1 de maig", "del 8 de maig". */
export const fromDate = (date: string): string => (elides(date) ? `de l’${date}` : `del ${date}`);

/** "a l’1 de maig", "al 8 de maig". */
export const toDate = (date: string): string => (elides(date) ? `a l’${date}` : `al ${date}`);

/** "la Garriga", "l’Hospitalet de Llobregat", "el Vendrell": a toponym's article mid-sentence. */
export const midSentence = (name: string): string => name.replace(/^(La|El|Els|Les) /, (_, a: string) => `${a.toLowerCase()} `).replace(/^L’/, 'l’');

/** "la convocatòria d’abril de 2020" from its title, or "la convocatòria «…»" for another title. */
export const callPhrase = (title: string): string =>
  /^convocatòria\b/i.test(title) ? `la ${title.charAt(0).toLowerCase()}${title.slice(1)}` : `la convocatòria «${title}»`;
