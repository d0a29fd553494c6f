import type { Story, TimelineEvent } from '../../core/records.js';
import { timelineDate } from '../../present/describe.js';
import { Markers, Passages } from './citations.js';
import { html } from './html.js';

/** The chart's drawing size (its viewBox); it scales to the page's width. */
const WIDTH = 800;
const LANE_HEIGHT = 30;
const MARGIN = 24;
/** Between two stretches of time the chart leaves out, this much room and a break mark. */
const BREAK_WIDTH = 28;
/** A gap longer than this share of the whole span is left out of the axis, so distant events do not squash the rest. */
const BREAK_SHARE = 0.15;

/** An event's time on the axis: a year at its middle, a month at its middle, a day at its start (ms since 1970). */
export function eventTime(event: Pick<TimelineEvent, 'date'>): number {
  const [year, month, day] = event.date.split('-').map(Number);
  if (year === undefined || !Number.isFinite(year)) return Number.NaN;
  if (month === undefined) return Date.UTC(year, 6, 1);
  if (day === undefined) return Date.UTC(year, month - 1, 15);
  return Date.UTC(year, month - 1, day);
}

/** A stretch of the axis: events close enough in time to share one linear scale. */
interface Stretch {
  readonly from: number;
  readonly to: number;
  readonly x0: number;
  readonly x1: number;
}

/**
 * Lays the axis out in stretches: events are split where a gap exceeds {@link BREAK_SHARE} of
 * the whole span, each stretch gets width in proportion to its events, and breaks are marked.
 */
export function axisStretches(times: readonly number[]): Stretch[] {
  const sorted = [...times].sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const span = sorted[sorted.length - 1]! - sorted[0]!;
  const groups: number[][] = [[sorted[0]!]];
  for (const time of sorted.slice(1)) {
    const group = groups[groups.length - 1]!;
    if (span > 0 && time - group[group.length - 1]! > span * BREAK_SHARE) groups.push([time]);
    else group.push(time);
  }
  const usable = WIDTH - 2 * MARGIN - BREAK_WIDTH * (groups.length - 1);
  const stretches: Stretch[] = [];
  let x = MARGIN;
  for (const group of groups) {
    const width = (usable * group.length) / sorted.length;
    stretches.push({ from: group[0]!, to: group[group.length - 1]!, x0: x, x1: x + width });
    x += width + BREAK_WIDTH;
  }
  return stretches;
}

/** An event's x position: linear within its stretch, the middle of a stretch that is one instant. */
function xOf(time: number, stretches: readonly Stretch[]): number {
  const stretch = stretches.find(({ from, to }) => time >= from && time <= to) ?? stretches[0]!;
  if (stretch.to === stretch.from) return (stretch.x0 + stretch.x1) / 2;
  return stretch.x0 + ((time - stretch.from) / (stretch.to - stretch.from)) * (stretch.x1 - stretch.x0);
}

/** Puts each dot in the first lane where it does not touch the previous dot there: one lane per dot. */
function lanesOf(xs: readonly number[], radii: readonly number[]): number[] {
  const laneEnds: number[] = [];
  return xs.map((x, index) => {
    const radius = radii[index]!;
    let lane = laneEnds.findIndex((end) => x - radius - end >= 2);
    if (lane === -1) lane = laneEnds.length;
    laneEnds[lane] = x + radius;
    return lane;
  });
}

/** The events of one date: one dot, bigger the more events and independent reports it holds. */
interface DateDot {
  readonly date: string;
  readonly time: number;
  /** Positions in the story's timeline of its events, in order. */
  readonly events: readonly number[];
  readonly independentReports: number;
}

/** Groups the dated events by date, in date order. */
function dateDots(story: Story): DateDot[] {
  const dots = new Map<string, { date: string; time: number; events: number[]; independentReports: number }>();
  story.timeline.forEach((event, index) => {
    const time = eventTime(event);
    if (!Number.isFinite(time)) return;
    const dot = dots.get(event.date) ?? { date: event.date, time, events: [], independentReports: 0 };
    dot.events.push(index);
    dot.independentReports = Math.max(dot.independentReports, event.independentReports);
    dots.set(event.date, dot);
  });
  return [...dots.values()].sort((a, b) => a.time - b.time);
}

/** Axis labels: the ends of each stretch and the busiest date, leaving out any that would touch a label already placed. */
function axisLabels(dots: readonly DateDot[], stretches: readonly Stretch[], xs: readonly number[]): Array<{ x: number; text: string }> {
  const wanted: number[] = [];
  for (const stretch of stretches) {
    wanted.push(dots.findIndex(({ time }) => time === stretch.from), dots.findIndex(({ time }) => time === stretch.to));
  }
  const busiest = dots.reduce((best, dot, index) => (dot.events.length > dots[best]!.events.length ? index : best), 0);
  wanted.unshift(busiest);
  const placed: Array<{ x: number; text: string }> = [];
  for (const index of wanted) {
    const x = xs[index]!;
    if (placed.some((label) => Math.abs(label.x - x) < LABEL_SPACING)) continue;
    placed.push({ x, text: timelineDate(dots[index]!) });
  }
  return placed;
}

/** Labels closer than this (in chart units) would overlap. */
const LABEL_SPACING = 70;

/** The timeline: a chart of the dates events fall on (each dot links to its first event) and the list of events with their sources. */
export function Timeline({ story }: { story: Story }) {
  const dots = dateDots(story);
  if (dots.length === 0) return null;
  const stretches = axisStretches(dots.map(({ time }) => time));
  const xs = dots.map(({ time }) => xOf(time, stretches));
  const radii = dots.map((dot) => Math.min(4 + 1.5 * dot.independentReports + 2 * Math.sqrt(dot.events.length - 1), 14));
  const lanes = lanesOf(xs, radii);
  const laneCount = Math.max(...lanes) + 1;
  const axisY = MARGIN + laneCount * LANE_HEIGHT + 8;
  const height = axisY + 40;
  const labels = axisLabels(dots, stretches, xs);
  const first = story.timeline[dots[0]!.events[0]!]!;
  const last = story.timeline[dots[dots.length - 1]!.events[0]!]!;
  return html`<section class="timeline" aria-labelledby="timeline-heading">
    <h2 id="timeline-heading">Timeline</h2>
    <svg class="timeline-chart" viewBox=${`0 0 ${WIDTH} ${height}`} role="img" aria-label=${`${story.timeline.length} dated events from ${timelineDate(first)} to ${timelineDate(last)}`}>
      ${stretches.map(
        (stretch, index) => html`<g key=${`axis-${index}`}>
          <line class="axis" x1=${stretch.x0 - 6} x2=${stretch.x1 + 6} y1=${axisY} y2=${axisY} />
          ${index > 0 ? html`<text class="axis-break" x=${stretch.x0 - BREAK_WIDTH / 2} y=${axisY + 5} text-anchor="middle">≈</text>` : null}
        </g>`,
      )}
      ${labels.map((label, index) => html`<text key=${`label-${index}`} class="axis-label" x=${label.x} y=${axisY + 24} text-anchor="middle">${label.text}</text>`)}
      ${dots.map((dot, index) => {
        const y = axisY - LANE_HEIGHT / 2 - lanes[index]! * LANE_HEIGHT;
        const description = `${timelineDate(dot)}: ${dot.events.length} event${dot.events.length === 1 ? '' : 's'}`;
        return html`<a key=${dot.date} href=${`#timeline-event-${dot.events[0]}`} aria-label=${description}>
          <circle class=${dot.independentReports > 1 ? 'event corroborated' : 'event'} cx=${xs[index]} cy=${y} r=${radii[index]}><title>${description}</title></circle>
          ${dot.events.length > 1 ? html`<text class="event-count" x=${xs[index]} y=${y + 4} text-anchor="middle">${dot.events.length}</text>` : null}
        </a>`;
      })}
    </svg>
    <p class="hint">One dot per date: bigger for more events and more independent reports; the number counts the events. ≈ marks a stretch of time left out.</p>
    <ol class="timeline-events">
      ${story.timeline.map(
        (event, index) => html`<li id=${`timeline-event-${index}`} key=${index}>
          <span class="date">${timelineDate(event)}</span> ${event.text}
          <${Markers} owner=${`timeline-${index}`} citations=${event.citations} />
          <${Passages} owner=${`timeline-${index}`} />
        </li>`,
      )}
    </ol>
  </section>`;
}
