import type { DatePrecision } from '../../core/annotations.js';
import type { ConflictMember, ConflictValue, StoryConflict } from '../../core/records.js';
import { MAX_SIGNATURES_PER_BUCKET, coarserPrecision, reportOnOneStory, truncateDate, viewArticles, type ConflictContext } from './evidence.js';
import { compareDatedEvents, describeDatedEvent, findDateConflicts, type DatedEvent } from './dates.js';
import { findFigureConflicts, type FigureCandidate } from './figures.js';
import type { AnalyzedStory } from '../origins.js';
import { countIndependentReports } from '../report-frequency.js';

export type { ConflictContext } from './evidence.js';

/**
 * Conflicts: reports that give different values for the same quantity or date, each value with
 * every passage that states it, its outlets, and whom each passage attributes it to.
 *
 * Precision comes first: a reader shown a false conflict stops trusting the rest. So a figure or
 * date takes part only when the text shows what it counts or dates, its scope and its time
 * frame (figure-conflicts.ts), or that the event it dates happens once (date-conflicts.ts);
 * anything less is left out rather than guessed. Contradictions inside one article count like
 * any other; two articles are compared only when they report on one story (they share a fact
 * or an entity both are about, or are copies of one report). Candidates are compared only
 * within buckets of one counted thing or one event, after copies are collapsed, so fifty copies
 * of one report cost what one does.
 *
 * Conflicts are ordered by the number of independent reports involved, then figures before
 * dates, then by first appearance; values within a conflict by their independent reports.
 */

/** One passage of a conflict before it is grouped into values. */
interface Passage {
  readonly article: number;
  readonly start: number;
  readonly end: number;
  readonly attribution: string | null;
  /** The value for display, and the key that groups passages into one value. */
  readonly value: string;
}

/** A conflict before its id is given. */
interface Unnumbered {
  readonly about: string;
  readonly kind: StoryConflict['kind'];
  readonly values: readonly ConflictValue[];
  readonly reports: number;
  readonly first: readonly [number, number];
}

/** Months for display dates. */
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** An ISO date at a precision, as a reader writes it: "1989", "August 2013", "17 March 2026". */
export function displayDate(value: string, precision: DatePrecision): string {
  const [year, month, day] = value.split('-');
  if (precision === 'year' || month === undefined) return year ?? value;
  const monthName = MONTHS[Number(month) - 1] ?? month;
  return precision === 'month' || day === undefined ? `${monthName} ${year}` : `${Number(day)} ${monthName} ${year}`;
}

/** Groups passages into values, the most independently reported first. */
function groupValues(story: AnalyzedStory, context: ConflictContext, passages: readonly Passage[]): ConflictValue[] {
  const byValue = new Map<string, Passage[]>();
  for (const passage of [...passages].sort((x, y) => x.article - y.article || x.start - y.start)) {
    const same = byValue.get(passage.value);
    if (same === undefined) byValue.set(passage.value, [passage]);
    else same.push(passage);
  }
  const values = [...byValue.entries()].map(([value, members]): ConflictValue & { readonly order: number } => {
    const first = members[0]!;
    const text = story.articles[first.article]!.article.text;
    const conflictMembers = members.map(({ article, start, end, attribution }): ConflictMember => ({ article: story.articles[article]!.article.id, start, end, attribution }));
    return {
      value,
      text: text.slice(first.start, first.end),
      members: conflictMembers,
      outlets: [...new Set(members.map((member) => context.outletOf(member.article)))],
      independentReports: countIndependentReports(members, story.originOf, context.excluded),
      order: first.article * 1e9 + first.start,
    };
  });
  return values
    .sort((x, y) => y.independentReports - x.independentReports || y.members.length - x.members.length || x.order - y.order)
    .map(({ order: _order, ...value }) => value);
}

/** The conflict of a group of figures of one quantity. */
function figureConflict(story: AnalyzedStory, context: ConflictContext, figures: readonly FigureCandidate[]): Unnumbered | null {
  const passages = figures.map((figure): Passage => ({ article: figure.article, start: figure.mention.start, end: figure.mention.end, attribution: figure.attribution, value: figure.display }));
  const values = groupValues(story, context, passages);
  if (values.length < 2) return null;
  const labels = new Map<string, number>();
  for (const figure of figures) labels.set(figure.about, (labels.get(figure.about) ?? 0) + 1);
  const about = [...labels.entries()].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))[0]![0];
  const first = figures.reduce((best, figure) => (figure.article < best.article || (figure.article === best.article && figure.mention.start < best.mention.start) ? figure : best));
  return { about, kind: 'number', values, reports: countIndependentReports(passages, story.originOf, context.excluded), first: [first.article, first.mention.start] };
}

/**
 * The precision at which the datings of one event are shown: the coarsest that keeps every
 * disagreeing pair apart, so "August 2013" and "2013" count as one value unless two months of
 * 2013 are in dispute.
 */
function displayPrecision(events: readonly DatedEvent[], related: (first: number, second: number) => boolean): DatePrecision {
  const distinct = [...new Map(events.map((event) => [event.signature, event])).values()].slice(0, MAX_SIGNATURES_PER_BUCKET);
  const disagreeing: Array<readonly [DatedEvent, DatedEvent]> = [];
  distinct.forEach((first, index) => {
    for (const second of distinct.slice(index + 1)) {
      if (related(first.article, second.article) && compareDatedEvents(first, second) === 'disagree') disagreeing.push([first, second]);
    }
  });
  const keepsApart = (precision: DatePrecision): boolean =>
    disagreeing.every(([first, second]) => truncateDate(first.date.value, coarserPrecision(precision, first.date.precision)) !== truncateDate(second.date.value, coarserPrecision(precision, second.date.precision)));
  return (['year', 'month', 'day'] as const).find(keepsApart) ?? 'day';
}

/** The conflict of a group of datings of one event. */
function dateConflict(story: AnalyzedStory, context: ConflictContext, events: readonly DatedEvent[], related: (first: number, second: number) => boolean): Unnumbered | null {
  const precision = displayPrecision(events, related);
  const passages = events.map((event): Passage => {
    const shown = coarserPrecision(precision, event.date.precision);
    return { article: event.article, start: event.date.start, end: event.date.end, attribution: event.attribution, value: displayDate(truncateDate(event.date.value, shown), shown) };
  });
  const values = groupValues(story, context, passages);
  if (values.length < 2) return null;
  const first = events.reduce((best, event) => (event.article < best.article || (event.article === best.article && event.date.start < best.date.start) ? event : best));
  return { about: describeDatedEvent(events, precision), kind: 'date', values, reports: countIndependentReports(passages, story.originOf, context.excluded), first: [first.article, first.date.start] };
}

/**
 * Finds the story's conflicts: figures (counts and measures) and dates that different
 * passages give differently for one quantity or one event (see the module comment, and
 * figure-conflicts.ts and date-conflicts.ts for what makes two passages about the same thing).
 * Ids are `conflict-1`, `conflict-2`, … in order of importance. Near linear in the story's size.
 */
export function findConflicts(story: AnalyzedStory, context: ConflictContext): StoryConflict[] {
  const views = viewArticles(story, context);
  const relatedPairs = new Map<number, boolean>();
  const related = (first: number, second: number): boolean => {
    const key = Math.min(first, second) * views.length + Math.max(first, second);
    let answer = relatedPairs.get(key);
    if (answer === undefined) relatedPairs.set(key, (answer = reportOnOneStory(views[first]!, views[second]!, story.originOf)));
    return answer;
  };
  const conflicts: Unnumbered[] = [];
  for (const figures of findFigureConflicts(views, context, related)) {
    const conflict = figureConflict(story, context, figures);
    if (conflict !== null) conflicts.push(conflict);
  }
  for (const events of findDateConflicts(views, context, related)) {
    const conflict = dateConflict(story, context, events, related);
    if (conflict !== null) conflicts.push(conflict);
  }
  const kindOrder = { number: 0, date: 1 } as const;
  return conflicts
    .sort((x, y) => y.reports - x.reports || kindOrder[x.kind] - kindOrder[y.kind] || x.first[0] - y.first[0] || x.first[1] - y.first[1])
    .map(({ about, kind, values }, index): StoryConflict => ({ id: `conflict-${index + 1}`, about, kind, values }));
}
