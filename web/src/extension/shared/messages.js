// Message types between the content script, the extension pages and the
// service worker (runtime.sendMessage; nothing here ever leaves the device).
//
//   content -> sw   CHECK   { text, platform }            -> { findings } | { error }
//   content -> sw   WARM    {}                            -> { ok }  (start the checker before typing)
//   content -> sw   COUNT   { count, worst, reset? }      -> sets the toolbar badge for the sender's tab
//                                                            (reset: a new page in the tab, from its top frame)
//   content -> sw   DISABLE_RULE { rule }                 -> { ok }  (adds it to the turned-off rules)
//   content -> sw   OPEN_PAGE { page, hash }              -> opens explain.html or the options page in a tab
//   page    -> sw   RULES   {}                            -> { rules, version }
//   options -> sw   SYNC_SITES {}                         -> re-registers the content script on granted sites
export const MSG = Object.freeze({
  CHECK: 'postcheck/check',
  WARM: 'postcheck/warm',
  COUNT: 'postcheck/count',
  DISABLE_RULE: 'postcheck/disable-rule',
  OPEN_PAGE: 'postcheck/open-page',
  RULES: 'postcheck/rules',
  SYNC_SITES: 'postcheck/sync-sites',
});
