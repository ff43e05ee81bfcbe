/**
 * Feed text is HTML more often than not (titles included): turned into plain text
 * without a DOM (a service worker has none), with htmlparser2's tokenizer. Scripts,
 * styles and the like are dropped whole; block elements end a paragraph; entities are
 * decoded. Nothing here is ever rendered as HTML: the result is text.
 */
import { Parser } from 'htmlparser2';

const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'svg', 'math', 'head', 'title']);
const BLOCKS = new Set([
  'p', 'div', 'br', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'section', 'article',
  'header', 'footer', 'figure', 'figcaption', 'table', 'tr', 'hr', 'dl', 'dt', 'dd', 'aside', 'main', 'nav',
]);

/**
 * Plain text of an HTML fragment: paragraphs separated by a blank line, spaces within
 * one collapsed. Stops reading once `maxChars` of text are gathered (an enormous item
 * costs no more than that).
 */
export function htmlToText(html: string, maxChars = Number.POSITIVE_INFINITY): string {
  const paragraphs: string[] = [];
  let current = '';
  let skipping = 0;
  let total = 0;
  const endParagraph = () => {
    const text = current.replace(/\s+/gu, ' ').trim();
    if (text) {
      paragraphs.push(text);
      total += text.length;
    }
    current = '';
  };
  const parser = new Parser(
    {
      onopentagname(name) {
        if (SKIPPED.has(name)) skipping++;
        else if (BLOCKS.has(name)) endParagraph();
      },
      onclosetag(name) {
        if (SKIPPED.has(name)) skipping = Math.max(0, skipping - 1);
        else if (BLOCKS.has(name)) endParagraph();
      },
      ontext(text) {
        if (skipping === 0 && total + current.length < maxChars) current += text;
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  endParagraph();
  const text = paragraphs.join('\n\n');
  return text.length > maxChars ? text.slice(0, maxChars).trimEnd() : text;
}

/** One line of text from HTML or text (a title): tags dropped, entities decoded, spaces collapsed. */
export function htmlToLine(html: string, maxChars: number): string {
  return htmlToText(html, maxChars).replace(/\s+/gu, ' ').trim().slice(0, maxChars);
}
