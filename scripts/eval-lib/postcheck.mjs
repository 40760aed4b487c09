// Runs the native CLI's `batch` command once per dataset and streams JSON Lines
// through it: one process for all rows, never one per draft.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import readline from 'node:readline';

export const SEVERITIES = ['info', 'advice', 'warning', 'serious'];

/** True when a finding counts as an alarm (advice or above; info never does). */
export function isAlarm(finding) {
  return SEVERITIES.indexOf(finding.severity) >= 1;
}

/**
 * rows: [{ id, text, context? }]. Returns { findings: Array<finding[]>, errors: [{index, id, error}] }
 * with findings[i] for rows[i] (output is matched by position; ids are checked too).
 */
export async function runBatch(bin, rows, { args = [], env = process.env } = {}) {
  const child = spawn(bin, ['batch', ...args], { stdio: ['pipe', 'pipe', 'pipe'], env });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d) => { if (stderr.length < 20000) stderr += d; });
  const exited = new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal }));
  });

  const findings = new Array(rows.length);
  const errors = [];
  let index = 0;
  const rl = readline.createInterface({ input: child.stdout, crlfDelay: Infinity });
  const reading = (async () => {
    for await (const line of rl) {
      if (!line.trim()) continue;
      const i = index++;
      let out;
      try { out = JSON.parse(line); } catch (e) {
        errors.push({ index: i, id: rows[i]?.id, error: `unparseable output line: ${line.slice(0, 200)}` });
        findings[i] = [];
        continue;
      }
      if (i >= rows.length) { errors.push({ index: i, id: out.id, error: 'extra output line' }); continue; }
      if (out.error) errors.push({ index: i, id: rows[i].id, error: out.error });
      else if (String(out.id) !== String(rows[i].id)) errors.push({ index: i, id: rows[i].id, error: `output out of order: got id ${out.id}` });
      findings[i] = Array.isArray(out.findings) ? out.findings : [];
    }
  })();

  child.stdin.on('error', () => {}); // EPIPE if the CLI dies; reported below
  for (const r of rows) {
    const line = JSON.stringify(r.context ? { id: String(r.id), text: r.text, context: r.context }
                                          : { id: String(r.id), text: r.text }) + '\n';
    if (!child.stdin.write(line)) {
      const drained = once(child.stdin, 'drain');
      const closed = exited.then(() => { throw new Error('postcheck exited early'); });
      try { await Promise.race([drained, closed]); } catch { break; }
    }
  }
  child.stdin.end();
  const [{ code, signal }] = await Promise.all([exited, reading]);
  if (signal || (code !== 0 && code !== 1 && code !== 2) || index < rows.length) {
    throw new Error(`postcheck batch failed (exit ${code ?? signal}, ${index}/${rows.length} lines)` +
                    (stderr ? `:\n${stderr.trim()}` : ''));
  }
  for (let i = 0; i < rows.length; i++) if (!findings[i]) findings[i] = [];
  return { findings, errors, stderr: stderr.trim() };
}
