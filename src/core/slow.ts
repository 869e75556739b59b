import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** After this long in flight, a request says it is still waiting. */
export const SLOW_AFTER = 5000;

/**
 * Marks a request slow once it has been in flight for SLOW_AFTER ms, until it settles, and
 * re-renders its host each time, so that it can say it is still waiting (and offer a way out).
 */
export class SlowController implements ReactiveController {
  /** The request tracked now has been in flight for a while. */
  slow = false;
  private timer?: ReturnType<typeof setTimeout>;
  private readonly host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.host = host;
    host.addController(this);
  }

  /** Resolves or rejects as `request` does, marked slow while it takes long. */
  async track<T>(request: Promise<T>): Promise<T> {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.mark(true), SLOW_AFTER);
    try {
      return await request;
    } finally {
      clearTimeout(this.timer);
      this.mark(false);
    }
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
  }

  private mark(slow: boolean): void {
    this.slow = slow;
    this.host.requestUpdate();
  }
}
