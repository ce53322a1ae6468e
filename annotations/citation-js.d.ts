// The part of Citation.js this app uses (the packages ship no types).
declare module '@citation-js/core' {
  export interface CslName {
    literal?: string;
    family?: string;
    given?: string;
  }
  export interface CslItem {
    id: string;
    type: string;
    title?: string;
    author?: CslName[];
    'container-title'?: string;
    issued?: { 'date-parts': number[][] };
    accessed?: { 'date-parts': number[][] };
    URL?: string;
    page?: string;
    language?: string;
  }
  export class Cite {
    constructor(data: CslItem[]);
    format(kind: 'bibliography', options: { format: 'text' | 'html'; template: string; lang: string }): string;
  }
  interface Register<T> {
    add(name: string, value: T): void;
    has(name: string): boolean;
    get(name: string): T;
  }
  export const plugins: {
    config: { get(name: '@csl'): { styles: Register<string>; locales: Register<string> } };
  };
}
declare module '@citation-js/plugin-csl';
