import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  removeAdvertisementMarker,
  removeAppeal,
  removeCommentPrompt,
  removeCopyrightNotice,
  removeNewsletterSignup,
  removePhotoCredit,
  removeRelatedLinks,
  removeSharePrompt,
  removeVideoLine,
  type BoilerplateRule,
} from './boilerplate.js';
import { splitLines } from './lines.js';

interface Case {
  readonly name: string;
  readonly rule: BoilerplateRule;
  /** The lines, as a text; the rule is applied at the first line. */
  readonly text: string;
  /** How many lines the rule should take (0: no match). */
  readonly lines: number;
  readonly prefix?: string;
}

const CASES: readonly Case[] = [
  // Appeals for money, including the pitch paragraphs around them.
  { name: 'appeal heading', rule: removeAppeal, text: 'Your donation keeps this newsroom open', lines: 1 },
  {
    name: 'appeal block with the outlet speaking of itself',
    rule: removeAppeal,
    text: 'Support our journalism today.\nWe are owned by nobody and we answer only to you.\nThe mayor said the bridge would reopen on Monday.',
    lines: 2,
  },
  {
    name: 'appeal glued before the story keeps the story',
    rule: removeAppeal,
    text: 'Every gift matters, so please donate. The harbour closed at noon as the storm arrived.',
    lines: 1,
    prefix: 'Every gift matters, so please donate.',
  },
  { name: 'a short sentence about a donation is news', rule: removeAppeal, text: 'The treasurer is donating his salary to the fund.', lines: 0 },
  {
    name: 'a reported sentence about donors is news',
    rule: removeAppeal,
    text: 'Organisers said new donors have come aboard since Our Harbour launched its appeal for donations in May.',
    lines: 0,
  },
  { name: 'a story about donations is not an appeal', rule: removeAppeal, text: 'The charity said donations had fallen by a third since 2024.', lines: 0 },
  {
    name: 'a quoted appeal is reporting',
    rule: removeAppeal,
    text: 'The minister urged residents to act: "Please donate blood at the town hall," she said on Tuesday.',
    lines: 0,
  },
  // Comment sections.
  { name: 'comment prompt', rule: removeCommentPrompt, text: 'Join the conversation', lines: 1 },
  { name: 'comment block', rule: removeCommentPrompt, text: 'Have your say\nRead the community guidelines before you post\nComments', lines: 3 },
  { name: 'count of comments', rule: removeCommentPrompt, text: '42 comments', lines: 1 },
  { name: 'a sentence about comments is reporting', rule: removeCommentPrompt, text: 'The council made its comments public on Friday after a long delay.', lines: 0 },
  // Video and audio lines.
  { name: 'watch line', rule: removeVideoLine, text: 'Watch: Ferry passengers describe the storm', lines: 1 },
  { name: 'video line in capitals', rule: removeVideoLine, text: 'VIDEO | Firefighters reach the old mill', lines: 1 },
  { name: 'trailing video label', rule: removeVideoLine, text: 'Floods sweep through the valley – video', lines: 1 },
  { name: 'a sentence starting with watched', rule: removeVideoLine, text: 'Watchers on the shore saw the hull split in two.', lines: 0 },
  // Related link lists.
  { name: 'inline read more', rule: removeRelatedLinks, text: 'Read more: Harbour fees to rise next year', lines: 1 },
  { name: 'bare related heading before prose', rule: removeRelatedLinks, text: 'Related\nThe port authority said repairs would take six weeks and cost about 3 million crowns, paid from the reserve fund.', lines: 1 },
  {
    name: 'see also list of headlines with blurbs',
    rule: removeRelatedLinks,
    text: 'See also:\nLighthouse keeper retires after 40 years\nShe kept the lamp lit through three winters of storms.\nNew ferry enters service\nThe vessel carries 300 passengers.\nTown votes on harbour wall',
    lines: 6,
  },
  {
    name: 'bulleted related list',
    rule: removeRelatedLinks,
    text: 'More on this story\n• Storm closes the coast road\n• Schools shut for a second day\nThe coast guard said the search resumed at dawn and would go on for as long as the weather allowed.',
    lines: 3,
  },
  {
    name: 'related heading before a section heading and prose',
    rule: removeRelatedLinks,
    text: 'Related stories\nWhat the engineers found\nInspectors who examined the wall in January reported cracks in two places, the ministry said in a statement that ran to forty pages and was published late on Friday evening after repeated requests from journalists and opposition members of parliament.',
    lines: 1,
  },
  // Share bars.
  { name: 'share this article', rule: removeSharePrompt, text: 'Share this article', lines: 1 },
  { name: 'network list', rule: removeSharePrompt, text: 'Facebook Twitter WhatsApp Email', lines: 1 },
  { name: 'sentence mentioning sharing', rule: removeSharePrompt, text: 'Shares in the shipping firm fell 4% on Monday.', lines: 0 },
  // Newsletter sign-ups.
  { name: 'newsletter sign-up', rule: removeNewsletterSignup, text: 'Sign up to our evening newsletter for the day’s top stories', lines: 1 },
  { name: 'inbox pitch', rule: removeNewsletterSignup, text: 'Get our weekly briefing delivered to your inbox', lines: 1 },
  { name: 'a product sign-up is not a newsletter', rule: removeNewsletterSignup, text: 'Sign up for the streaming bundle using the same email as your other account', lines: 0 },
  { name: 'an inbox mentioned in passing', rule: removeNewsletterSignup, text: 'You will learn to be seen online, from a blog post to an email inbox or a live video', lines: 0 },
  { name: 'reporting about a newsletter', rule: removeNewsletterSignup, text: 'The company stopped its customer newsletter in 2023, a spokesman said.', lines: 0 },
  // Photo credits.
  { name: 'photo label', rule: removePhotoCredit, text: 'Photo: Jana Tell / Harbour Press', lines: 1 },
  { name: 'image in parentheses', rule: removePhotoCredit, text: '(Image by Oskar Lind)', lines: 1 },
  { name: 'agency tail', rule: removePhotoCredit, text: 'Rescuers at the quay / Getty Images', lines: 1 },
  { name: 'a sentence about a photograph', rule: removePhotoCredit, text: 'Photographs taken by residents show the water rising quickly.', lines: 0 },
  { name: 'follow prompt', rule: removeSharePrompt, text: 'Follow us on Instagram for more pictures from the coast', lines: 1 },
  { name: 'paywall teaser', rule: removeAppeal, text: 'Subscribe to continue reading this article', lines: 1 },
  { name: 'bare picture agency', rule: removePhotoCredit, text: 'AFP via Getty Images', lines: 1 },
  // Rights notices.
  { name: 'copyright line', rule: removeCopyrightNotice, text: '© 2026 Harbour Press. All rights reserved.', lines: 1 },
  { name: 'wire rights notice', rule: removeCopyrightNotice, text: 'This material may not be published, broadcast, rewritten or redistributed.', lines: 1 },
  { name: 'a sentence about copyright law', rule: removeCopyrightNotice, text: 'The court ruled that the copyright had expired in 2019, ending the dispute over the film.', lines: 0 },
  // Advertising markers.
  { name: 'advertisement marker', rule: removeAdvertisementMarker, text: 'Advertisement', lines: 1 },
  { name: 'story continues', rule: removeAdvertisementMarker, text: 'Story continues below advertisement', lines: 1 },
];

describe('boilerplate rules', () => {
  for (const testCase of CASES) {
    test(testCase.name, () => {
      const lines = splitLines(testCase.text);
      const match = testCase.rule(lines, 0);
      if (testCase.lines === 0) {
        assert.equal(match, null);
        return;
      }
      assert.notEqual(match, null);
      assert.equal(match?.lines, testCase.lines);
      if (testCase.prefix === undefined) assert.equal(match?.prefixLength, undefined);
      else assert.equal(lines[0]?.text.slice(0, match?.prefixLength).trim(), testCase.prefix);
    });
  }
});
