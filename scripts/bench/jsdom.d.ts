// The few parts of jsdom the wenyan-core runner uses (jsdom ships no types; @types/jsdom would be another
// devDependency for two lines). The element is handed to wenyan-core as its HTMLElement.
declare module 'jsdom' {
  export interface BenchElement {
    readonly outerHTML: string;
  }
  export class JSDOM {
    constructor(html: string);
    readonly window: { readonly document: { getElementById(id: string): BenchElement | null } };
  }
}
