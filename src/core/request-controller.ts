import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { PaylinkError, type ErrorReason } from './errors.js';

export interface RequestHandlers {
  /** Shows and dispatches a failure; returns the error the request's promise rejects with. */
  failed: (reason: ErrorReason) => PaylinkError;
  /** Called when a request in flight is aborted (reset, removal), to put the host at rest. */
  aborted: () => void;
}

/**
 * An element's requests: one in flight at a time, a second call of the same action joining the
 * first, and the request in flight aborted when the host leaves the page.
 */
export class RequestController implements ReactiveController {
  private readonly handlers: RequestHandlers;
  /** Aborts the request in flight (there is only ever one). */
  private controller?: AbortController;
  /** The action in flight (`send`, `confirm`...), so a second call of it joins the first. */
  private inFlight?: { action: string; promise: Promise<unknown> };

  constructor(host: ReactiveControllerHost, handlers: RequestHandlers) {
    this.handlers = handlers;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.abort();
  }

  /** Runs `action`, or returns the same action's promise while it is in flight: nothing twice. */
  once<T>(action: string, run: () => Promise<T>): Promise<T> {
    if (this.inFlight?.action === action) return this.inFlight.promise as Promise<T>;
    const promise = run().finally(() => {
      if (this.inFlight?.promise === promise) this.inFlight = undefined;
    });
    this.inFlight = { action, promise };
    return promise;
  }

  /**
   * Makes one request with an abort signal. If it is aborted (reset, removal), rejects with the
   * abort reason and touches nothing, even when the answer had already arrived; any other
   * failure goes to `failed`, and the promise rejects with what that returns.
   */
  async run<T>(send: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = (this.controller = new AbortController());
    try {
      const result = await send(controller.signal);
      controller.signal.throwIfAborted();
      return result;
    } catch (error) {
      if (controller.signal.aborted) throw controller.signal.reason;
      throw this.handlers.failed(
        error instanceof PaylinkError ? error.reason : { code: 'network' },
      );
    } finally {
      if (this.controller === controller) this.controller = undefined;
    }
  }

  /** Aborts the request in flight, if any, and tells the host through `aborted`. */
  abort(): void {
    if (!this.controller) return;
    this.controller.abort();
    this.controller = undefined;
    this.inFlight = undefined;
    this.handlers.aborted();
  }
}
