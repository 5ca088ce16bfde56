/**
 * Text that a spreadsheet would run as a formula when it opens the file
 * ("CSV injection"): a cell starting with =, + , - or @ (after any spaces), a
 * tab or a carriage return. Exports write such text with one more leading
 * apostrophe, as OWASP advises, so Excel shows it as text; imports take that
 * apostrophe off again, so an export imports unchanged, and refuse such text
 * written without it. Numbers are written as numbers and never touched; an
 * imported cell that is a plain number (-2, +3.5) is a number, not a formula.
 */
const RUNS = /^(?:\s*[=+\-@]|[\t\r])/;
const PLAIN_NUMBER = /^[+-]?(?:\d[\d,]*(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Whether the text, once any leading apostrophes are taken off, would run. */
const runsOnceUnquoted = (text: string) => RUNS.test(text.replace(/^'+/, ''));

/** Text as an export writes it: with a leading apostrophe when a spreadsheet would otherwise run it. */
export function neutralised(text: string): string {
  return runsOnceUnquoted(text) ? `'${text}` : text;
}

/** A cell as an import reads it: without the apostrophe an export added, or null when the text would run as a formula. */
export function importedText(text: string): string | null {
  if (text.startsWith("'") && runsOnceUnquoted(text.slice(1))) return text.slice(1);
  if (RUNS.test(text) && !PLAIN_NUMBER.test(text.trim())) return null;
  return text;
}
