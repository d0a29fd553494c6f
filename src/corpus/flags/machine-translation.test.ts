import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeAnalyzed, paragraphs } from '../../../test/helpers/analyzed.js';
import {
  calques,
  editorInserts,
  findMachineTranslation,
  foreignNumberFormats,
  gluedWords,
  isGluedWord,
  missingArticles,
  quotePunctuation,
  translatedSpeechVerbs,
  type TranslationContext,
} from './machine-translation.js';

/** A translation context for a text alone (no other reports to compare names with). */
function alone(text: string): TranslationContext {
  return { analyzed: makeAnalyzed({ id: 'a', text }), transliterated: [], inconsistent: [], substitutions: [] };
}

/** Stiff translated English about an invented flood, with the marks a machine leaves. */
const TRANSLATED = paragraphs(
  'TARNEC, 04.06.2031. Number of victims of flood in valley of river Seld grew to 9 people. About this on Thursday declared head of district Ilan Vortek.',
  'According to data of rescue service, from zone of flooding were evacuated 3,5 thousand inhabitants. At the present moment water in town stands on level of 1,4 metres.',
  'Minister of emergencies arrived to Tarnec by helicopter in evening. "Situation is difficult, but it is under control," underlined minister. "All people will receive help," noted he.',
  'Bridge over river was closed, movement of trucks is stopped. According to words of mayor, school buildingswas given to families who lost houses, and food is deliveredto them by volunteers.',
  'Rescuers of neighbouring region continue work together with local colleagues. Water in river began to go down during night, however in lower part of town level still high.',
  'Commission of ministry will establish reasons of flood. "We will check every dam," declared head of commission. "Nobody will be forgotten," stated deputy minister. "Help is coming," declared he.',
);

/** Native English news about the same invented flood. */
const NATIVE = paragraphs(
  'Nine people have died after the River Seld burst its banks in the town of Tarnec, district head Ilan Vortek said on Thursday.',
  'About 3,500 residents were evacuated overnight, the rescue service said, and water in the lower town was still 1.4 metres deep on Thursday afternoon.',
  'The emergencies minister arrived by helicopter in the evening. "The situation is difficult, but it is under control," she told reporters at the town hall.',
  'The bridge over the river has been closed to lorries, and schools have been opened to families who lost their homes. Volunteers are bringing them food.',
  '"We will check every dam in the valley," said the head of the ministry commission that will investigate the flood. A deputy minister said nobody would be forgotten.',
);

describe('isGluedWord', () => {
  it('reads words run together where a link or tag stood', () => {
    for (const word of ['companyabout', 'returnto', 'meetingcalled', 'thewater']) assert.ok(isGluedWord(word), word);
  });

  it('leaves words, compounds, names and prefixed verbs alone', () => {
    for (const word of ['whether', 'towards', 'smartphone', 'heatwaves', 'lockdown', 'withheld', 'francis', 'ferry', 'about']) assert.ok(!isGluedWord(word), word);
  });
});

describe('translation marks', () => {
  it('each finds its mark in the translated text', () => {
    const context = alone(TRANSLATED);
    for (const mark of [gluedWords, missingArticles, calques, foreignNumberFormats, translatedSpeechVerbs]) assert.ok(mark(context) !== null, mark.name);
  });

  it('finds none in native English on the same subject', () => {
    const context = alone(NATIVE);
    for (const mark of [gluedWords, missingArticles, calques, foreignNumberFormats, translatedSpeechVerbs, quotePunctuation, editorInserts]) {
      assert.equal(mark(context), null, mark.name);
    }
  });

  it('reads editors’ inserts and the comma outside the quotation marks', () => {
    const text = paragraphs(
      'The colonel, he (Vortek - ed.) said, was on the bridge. "We work at night", Vortek said. "We have boats", he said.',
      '"The water is falling", the mayor said. "Schools are open," he said.',
    );
    assert.match(editorInserts(alone(text))?.evidence ?? '', /1 translator's note/u);
    assert.match(quotePunctuation(alone(text))?.evidence ?? '', /3 of 4/u);
  });

  it('needs two hits of a counted pattern', () => {
    assert.equal(calques(alone('At the present moment the bridge is closed.')), null);
    assert.equal(foreignNumberFormats(alone('About 6 thousand people left.')), null);
  });
});

describe('findMachineTranslation', () => {
  it('flags a text with three marks or more, listing each', () => {
    const flag = findMachineTranslation(alone(TRANSLATED));
    assert.ok(flag !== null);
    assert.equal(flag.kind, 'machine-translated');
    assert.ok(flag.evidence.length >= 3);
    assert.ok(flag.evidence.some((line) => line.startsWith('glued words:') && line.includes("'buildingswas'") && line.includes("'deliveredto'")));
    assert.ok(flag.evidence.some((line) => line.startsWith('missing articles:')));
  });

  it('does not flag native English', () => {
    assert.equal(findMachineTranslation(alone(NATIVE)), null);
  });

  it('does not measure text in another language against English', () => {
    const text = paragraphs('Das Hochwasser im Tal der Seld hat neun Menschen das Leben gekostet, teilte der Bezirksvorsteher am Donnerstag mit.', 'Rund 3500 Einwohner wurden in der Nacht in Sicherheit gebracht, und das Wasser stand am Nachmittag noch immer hoch.');
    assert.equal(findMachineTranslation(alone(text)), null);
  });

  it('needs three marks: names romanised unlike the other reports and one calque are not enough', () => {
    const context: TranslationContext = {
      ...alone('At the present moment the bridge is closed, said Ilan Wortek.'),
      transliterated: [
        { form: 'Ilan Wortek', usualForm: 'Ilan Vortek', otherReports: 3 },
        { form: 'Tarnets', usualForm: 'Tarnec', otherReports: 3 },
      ],
    };
    assert.equal(findMachineTranslation(context), null);
  });
});
