// Small DOM helpers. Everything that puts text on the page goes through textContent, value or
// setAttribute, so provider- and user-supplied text can never become markup.

/**
 * Creates an element: el('li', {class: 'check', dataset: {check: 'files'}}, 'text', childNode).
 * Attribute values go through setAttribute; `false`, null and undefined attributes are left out;
 * string children become text nodes.
 */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'dataset') {
      for (const [key, v] of Object.entries(value)) node.dataset[key] = String(v);
    } else if (name === 'hidden') {
      node.hidden = Boolean(value);
    } else {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Removes every child of a node (instead of assigning markup). */
export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

/** Replaces the children of a node. */
export function replaceChildren(node, ...children) {
  clear(node);
  append(node, children);
  return node;
}

export function byId(id) {
  return document.getElementById(id);
}

/**
 * Sets the text of a status or alert region. The region itself stays in the page (an empty one takes no
 * room, see console.css): screen readers announce changes to live regions that already exist, not to ones
 * that appear together with their text.
 */
export function setMessage(node, text) {
  node.textContent = text || '';
}
