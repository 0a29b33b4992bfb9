// The console's language: which one is current, the texts of the catalog, and re-rendering on a switch.
import { messages } from './messages.js';

export const LANGUAGES = ['en', 'fr', 'ko'];
const STORAGE_KEY = 'dochooks.language';

let current = 'en';
const listeners = [];

function supported(tag) {
  if (!tag) return null;
  const primary = String(tag).toLowerCase().split('-')[0];
  return LANGUAGES.includes(primary) ? primary : null;
}

function savedChoice() {
  try {
    return supported(localStorage.getItem(STORAGE_KEY));
  } catch (e) {
    return null; // storage can be disabled; the choice then lasts for the page only
  }
}

/**
 * The first language: a choice saved earlier wins, then the server's negotiation from Accept-Language
 * (which it writes into <html lang>), then English.
 */
export function initLanguage() {
  current = savedChoice() || supported(document.documentElement.lang) || 'en';
  document.documentElement.lang = current;
  return current;
}

export function language() {
  return current;
}

/** Switches the language: saves it, sets <html lang>, re-renders the static texts, then tells the modules. */
export function setLanguage(tag) {
  const next = supported(tag);
  if (!next) return;
  current = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch (e) {
    // not saved: still switched for this page
  }
  document.documentElement.lang = next;
  translatePage();
  for (const listener of listeners) listener(next);
}

/** Registers a function that re-renders a module's dynamic texts after a switch. */
export function onLanguageChange(listener) {
  listeners.push(listener);
}

/** The text of a key in the current language, with {placeholders} filled from params (as plain text). */
export function t(key, params = {}) {
  let text = messages[current][key];
  if (text === undefined) text = messages.en[key];
  if (text === undefined) return key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/**
 * Fills the static texts of the page: data-i18n="key" sets the text, and
 * data-i18n-attr="attribute:key;attribute:key" sets attributes (aria-label, title, placeholder...).
 */
export function translatePage(root = document) {
  for (const node of root.querySelectorAll('[data-i18n]')) {
    node.textContent = t(node.dataset.i18n);
  }
  for (const node of root.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of node.dataset.i18nAttr.split(';')) {
      const [attribute, key] = pair.split(':');
      if (attribute && key) node.setAttribute(attribute.trim(), t(key.trim()));
    }
  }
  document.title = t('page.title');
}

/** A date and time for people, in the current language; the raw RFC 3339 value stays in <time datetime>. */
export function formatDateTime(iso) {
  const date = new Date(iso);
  if (!iso || Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(current, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}
