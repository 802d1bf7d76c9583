import { loadWords } from '../../web/src/i18n';
import { type Feature, owners } from '../../web/src/i18n/features';

// The pages' tests render a component straight away, without the route that would load its words with it: every
// feature's words are there from the start, in both languages. tests/web/i18n-loading.test.tsx tests the loading.
const everyFeature = [...new Set<Feature>(Object.values(owners))];
await Promise.all([loadWords(everyFeature, 'zh-CN'), loadWords(everyFeature, 'en')]);
