import type { Story, TimelineEvent } from '../../core/records.js';
import { timelineDate } from '../../present/describe.js';
import { Markers, Passages } from './citations.js';
import { html } from './html.js';

/** The chart's drawing size (its viewBox); it scales to the page's width. */
const WIDTH = 800;
const LANE_HEIGHT = 18;
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

/** Puts each dot in the first lane where it does not touch the previous dot: a list of lanes, one per event. */
function lanesOf(xs: readonly number[]): number[] {
  const laneEnds: number[] = [];
  return xs.map((x) => {
    let lane = laneEnds.findIndex((end) => x - end >= 12);
    if (lane === -1) lane = laneEnds.length;
    laneEnds[lane] = x;
    return lane;
  });
}

/** The timeline: a chart of the dated events (each dot links to its line) and the list of events with their sources. */
export function Timeline({ story }: { story: Story }) {
  const events = story.timeline.map((event, index) => ({ event, index, time: eventTime(event) })).filter(({ time }) => Number.isFinite(time));
  if (events.length === 0) return null;
  const stretches = axisStretches(events.map(({ time }) => time));
  const xs = events.map(({ time }) => xOf(time, stretches));
  const lanes = lanesOf(xs);
  const laneCount = Math.max(...lanes) + 1;
  const axisY = MARGIN + laneCount * LANE_HEIGHT;
  const height = axisY + 40;
  const labelled = stretches.flatMap((stretch) => {
    const first = events.find(({ time }) => time === stretch.from)!.event;
    const last = events.find(({ time }) => time === stretch.to)!.event;
    return stretch.from === stretch.to ? [{ x: (stretch.x0 + stretch.x1) / 2, text: timelineDate(first), anchor: 'middle' }] : [
      { x: stretch.x0, text: timelineDate(first), anchor: 'start' },
      { x: stretch.x1, text: timelineDate(last), anchor: 'end' },
    ];
  });
  return html`<section class="timeline" aria-labelledby="timeline-heading">
    <h2 id="timeline-heading">Timeline</h2>
    <svg class="timeline-chart" viewBox=${`0 0 ${WIDTH} ${height}`} role="img" aria-label=${`${events.length} dated events from ${timelineDate(events[0]!.event)} to ${timelineDate(events[events.length - 1]!.event)}`}>
      ${stretches.map(
        (stretch, index) => html`<g key=${`axis-${index}`}>
          <line class="axis" x1=${stretch.x0} x2=${Math.max(stretch.x1, stretch.x0 + 1)} y1=${axisY} y2=${axisY} />
          ${index > 0 ? html`<text class="axis-break" x=${stretch.x0 - BREAK_WIDTH / 2} y=${axisY + 5} text-anchor="middle">≈</text>` : null}
        </g>`,
      )}
      ${labelled.map((label, index) => html`<text key=${`label-${index}`} class="axis-label" x=${label.x} y=${axisY + 22} text-anchor=${label.anchor}>${label.text}</text>`)}
      ${events.map(
        ({ event, index }, position) => html`<a key=${index} href=${`#timeline-event-${index}`} aria-label=${`${timelineDate(event)}: ${event.text}`}>
          <circle class=${event.independentReports > 1 ? 'event corroborated' : 'event'} cx=${xs[position]} cy=${axisY - LANE_HEIGHT / 2 - lanes[position]! * LANE_HEIGHT} r=${Math.min(4 + 2 * event.independentReports, 9)}>
            <title>${timelineDate(event)}: ${event.text}</title>
          </circle>
        </a>`,
      )}
    </svg>
    <p class="hint">Bigger dots: more independent reports. ≈ marks a stretch of time left out.</p>
    <ol class="timeline-events">
      ${events.map(
        ({ event, index }) => html`<li id=${`timeline-event-${index}`} key=${index}>
          <span class="date">${timelineDate(event)}</span> ${event.text}
          <${Markers} owner=${`timeline-${index}`} citations=${event.citations} />
          <${Passages} owner=${`timeline-${index}`} />
        </li>`,
      )}
    </ol>
  </section>`;
}
