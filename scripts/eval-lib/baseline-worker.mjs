// Worker thread: runs the two npm baselines on a slice of texts.
// alex 11: text(value) returns a VFile; flag when it has any message.
// obscenity 0.4.6: RegExpMatcher over englishDataset with the recommended transformers; flag on hasMatch.
import { parentPort, workerData } from 'node:worker_threads';
import { text as alexText } from 'alex';
import { RegExpMatcher, englishDataset, englishRecommendedTransformers } from 'obscenity';

const matcher = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
const { texts } = workerData;
const alex = new Uint8Array(texts.length);
const obscenity = new Uint8Array(texts.length);
let alexMs = 0, obscenityMs = 0;
for (let i = 0; i < texts.length; i++) {
  let t = performance.now();
  alex[i] = alexText(texts[i]).messages.length > 0 ? 1 : 0;
  alexMs += performance.now() - t;
  t = performance.now();
  obscenity[i] = matcher.hasMatch(texts[i]) ? 1 : 0;
  obscenityMs += performance.now() - t;
}
parentPort.postMessage({ alex, obscenity, alexMs, obscenityMs }, [alex.buffer, obscenity.buffer]);
