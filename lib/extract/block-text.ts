/**
 * Plain text of an article element in the pack format's layout: one paragraph per
 * block (paragraph, heading, list item, quote…), paragraphs separated by a blank line,
 * whitespace inside a paragraph collapsed.
 */

/** Elements whose start and end break the text into paragraphs. */
const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION',
  'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL',
  'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);

/** Elements whose content is never article text. */
const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'CANVAS', 'IFRAME', 'OBJECT', 'BUTTON', 'SELECT', 'TEXTAREA']);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** The paragraphs of `root`'s text, in document order, none empty. */
export function blockParagraphs(root: Node): string[] {
  const paragraphs: string[] = [];
  let current = '';
  const flush = () => {
    const paragraph = current.replace(/\s+/gu, ' ').trim();
    if (paragraph) paragraphs.push(paragraph);
    current = '';
  };
  const visit = (node: Node) => {
    if (node.nodeType === TEXT_NODE) {
      current += node.nodeValue ?? '';
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const tag = (node as Element).tagName.toUpperCase();
    if (SKIPPED_TAGS.has(tag)) return;
    if (tag === 'BR') {
      // Two <br>s in a row are how some sites separate paragraphs; one is a line break.
      if ((node as Element).nextElementSibling?.tagName.toUpperCase() === 'BR' && !/\S/u.test(textBetween(node))) flush();
      else current += ' ';
      return;
    }
    const block = BLOCK_TAGS.has(tag);
    if (block) flush();
    for (let child = node.firstChild; child; child = child.nextSibling) visit(child);
    if (block) flush();
  };
  visit(root);
  flush();
  return paragraphs;
}

/** The text between a node and its next element sibling. */
function textBetween(node: Node): string {
  let text = '';
  for (let sibling = node.nextSibling; sibling && sibling.nodeType !== ELEMENT_NODE; sibling = sibling.nextSibling) {
    text += sibling.nodeValue ?? '';
  }
  return text;
}
