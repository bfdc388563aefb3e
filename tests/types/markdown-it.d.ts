/** The parts of markdown-it 13 and linkify-it 4 (the versions Web Chat bundles) that the link test uses. */
declare module 'markdown-it' {
  interface Token {
    type: string;
    attrGet(name: string): string | null;
    children: Token[] | null;
  }
  interface Options {
    html?: boolean;
    linkify?: boolean;
    typographer?: boolean;
    breaks?: boolean;
    xhtmlOut?: boolean;
  }
  class MarkdownIt {
    constructor(options?: Options);
    parse(src: string, env: object): Token[];
  }
  export default MarkdownIt;
}

declare module 'linkify-it' {
  interface Match {
    url: string;
    raw: string;
  }
  class LinkifyIt {
    match(text: string): Match[] | null;
  }
  export default LinkifyIt;
}
