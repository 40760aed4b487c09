// Severity order (Contract 1): info < advice < warning < serious. `info` is a
// hint and never counts as an alarm.
export const SEVERITY_RANK = { info: 0, advice: 1, warning: 2, serious: 3 };

export const isAlarm = (f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK.advice;
/** Worth a prompt before posting: warning or worse. */
export const isPostBlocker = (f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK.warning;

export function worstOf(findings) {
  let worst = null;
  for (const f of findings) if (!worst || SEVERITY_RANK[f.severity] > SEVERITY_RANK[worst]) worst = f.severity;
  return worst;
}
