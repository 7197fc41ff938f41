/* Ung Veileder content-owner pages: the entries as a CSV file, downloaded (the published entries
 * the user sees) and imported (each row becomes a draft, to go through review). */
import { ApiError } from './admin-api.js';
import { api } from './admin-session.js';
import { describeError, fieldText } from './admin-texts.js';
import { num } from './admin-format.js';
import { state } from './admin-state.js';
import { clearMessages, setError, setStatus, showError } from './admin-messages.js';
import { loadEntries } from './admin-entries.js';
import { messageView, render } from './admin-views.js';

const { $ } = window.Staff;

const MAX_CSV_BYTES = 5 * 1024 * 1024;
const ui = {
  exportCsv: $('export-csv'), importForm: $('import-form'), importFile: $('import-file'),
  importButton: $('import-csv'), importError: $('e-import'),
};

async function exportCsv() {
  clearMessages();
  ui.exportCsv.disabled = true;
  try {
    const { blob, filename } = await api('GET', '/export.csv', { download: true });
    // The file is saved through a link to the downloaded blob, clicked once and removed.
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = filename;
    a.hidden = true;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 30000);
    setStatus(`CSV-filen er lastet ned (${filename}).`);
  } catch (err) {
    showError(err);
  } finally {
    ui.exportCsv.disabled = false;
  }
}

/** The import's own error, next to the file input, with a list of the rows to fix if any. */
export function setImportError(text, details) {
  render(messageView(text, details), ui.importError);
  if (text) ui.importFile.setAttribute('aria-invalid', 'true');
  else ui.importFile.removeAttribute('aria-invalid');
}

function csvProblem(f) {
  const message = fieldText(f);
  if (!f.row) return `${f.field}: ${message}`;
  const column = f.column.replace(/\.(\d+)/g, (m, i) => ` nr. ${Number(i) + 1}`).replace(/\./g, ' ');
  return `Rad ${f.row}, kolonne «${column}»: ${message}`;
}

async function importCsv(event) {
  event.preventDefault();
  clearMessages();
  setImportError('');
  const file = ui.importFile.files && ui.importFile.files[0];
  if (!file) {
    setImportError('Velg en CSV-fil først.');
    ui.importFile.focus();
    return;
  }
  if (file.size > MAX_CSV_BYTES) {
    setImportError('Filen er for stor. En CSV-fil kan være høyst 5 MB.');
    ui.importFile.focus();
    return;
  }
  ui.importButton.disabled = true;
  try {
    const text = await file.text();
    const data = await api('POST', '/import.csv', { text, contentType: 'text/csv; charset=utf-8' });
    const imported = num(data.imported) || 0;
    const created = num(data.created) || 0;
    ui.importForm.reset();
    state.entryIndex = null;
    setStatus(`Importerte ${imported} ${imported === 1 ? 'rad' : 'rader'} som utkast (nye artikler: ${created}, `
      + `endrede: ${imported - created}). De må gjennom vanlig gjennomgang før chatboten bruker dem.`);
    await loadEntries(state.gen);
  } catch (err) {
    if (err.handled) return;
    if (err instanceof ApiError && err.fields.length) {
      setImportError('Ingenting er importert. Rett disse radene i filen og prøv igjen:', err.fields.map(csvProblem));
      setError('Importen ble avbrutt. Se feilene ved filvalget.');
    } else {
      setImportError(describeError(err));
      showError(err);
    }
    ui.importFile.focus();
  } finally {
    ui.importButton.disabled = false;
  }
}

export function bindCsv() {
  ui.exportCsv.addEventListener('click', exportCsv);
  ui.importForm.addEventListener('submit', importCsv);
  ui.importFile.addEventListener('change', () => setImportError(''));
}
