import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type uPlot from 'uplot';

/** What a chart element offers the host: its shadow root, where the chart's `.box` is rendered. */
type ChartElement = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

/** Axis colours read from the theme, so charts follow light and dark. */
export function axisStyle(element: Element) {
  const grid = { stroke: 'rgba(128,128,128,0.15)' };
  return { muted: getComputedStyle(element).getPropertyValue('--muted').trim() || '#5c6570', grid };
}

/**
 * The lifecycle every uPlot chart of the dashboard shares: one chart in a box of the element,
 * redrawn whole when its data changes, resized with its box, destroyed when the element leaves
 * the page (uPlot keeps a window listener and a canvas otherwise).
 */
export class UplotHost implements ReactiveController {
  plot: uPlot | undefined;
  private readonly resize = new ResizeObserver(() => this.plot?.setSize({ width: this.box()?.clientWidth ?? 300, height: this.height }));

  constructor(
    private readonly host: ChartElement,
    /** The chart's height in CSS pixels; the width follows the box. */
    readonly height: number,
    /** Where in the element's shadow root the chart goes. */
    private readonly selector = '.box',
  ) {
    host.addController(this);
  }

  box(): HTMLElement | null {
    return this.host.renderRoot.querySelector<HTMLElement>(this.selector);
  }

  /** Replaces the chart with the one `make` builds in the box at its current width; nothing before the box is rendered. */
  draw(make: (box: HTMLElement, width: number) => uPlot): uPlot | undefined {
    const box = this.box();
    if (!box) return undefined;
    this.plot?.destroy();
    this.plot = make(box, box.clientWidth || 300);
    this.resize.observe(box);
    return this.plot;
  }

  hostDisconnected(): void {
    this.resize.disconnect();
    this.plot?.destroy();
    this.plot = undefined;
  }
}
