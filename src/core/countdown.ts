import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Counts whole seconds down to zero and re-renders its host on every tick. Keeps time by the
 * clock, not by counting ticks, so a throttled background tab is still right when it wakes.
 * Stops ticking while its host is disconnected.
 */
export class CountdownController implements ReactiveController {
  /** Seconds left, 0 when done. */
  remaining = 0;
  private endsAt = 0;
  private timer?: ReturnType<typeof setInterval>;
  private readonly host: ReactiveControllerHost;
  private readonly onDone: () => void;

  constructor(host: ReactiveControllerHost, onDone: () => void = () => {}) {
    this.host = host;
    this.onDone = onDone;
    host.addController(this);
  }

  start(seconds: number): void {
    this.stop();
    this.remaining = Math.max(0, Math.ceil(seconds));
    this.endsAt = performance.now() + this.remaining * 1000;
    if (this.remaining > 0) this.tickEverySecond();
    this.host.requestUpdate();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.remaining = 0;
  }

  /** `42` → `"0:42"`. */
  get clock(): string {
    const minutes = Math.floor(this.remaining / 60);
    return `${minutes}:${String(this.remaining % 60).padStart(2, '0')}`;
  }

  hostConnected(): void {
    if (this.remaining === 0 || this.timer) return;
    this.tick();
    if (this.remaining > 0) this.tickEverySecond();
  }

  hostDisconnected(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private tickEverySecond(): void {
    this.timer = setInterval(() => this.tick(), 1000);
  }

  private tick(): void {
    this.remaining = Math.max(0, Math.ceil((this.endsAt - performance.now()) / 1000));
    if (this.remaining === 0) {
      this.stop();
      this.onDone();
    }
    this.host.requestUpdate();
  }
}
