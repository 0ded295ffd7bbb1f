/**
 * The part of jsdom's API the Mermaid check uses. `@types/jsdom` is not installed; if it gets
 * added, delete this file.
 */
declare module "jsdom" {
  export class JSDOM {
    constructor(html?: string);
    readonly window: {
      readonly document: unknown;
      close(): void;
    };
  }
}
