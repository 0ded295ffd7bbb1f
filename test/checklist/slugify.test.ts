import { describe, expect, it } from "@jest/globals";
import { slugify } from "../../src/checklist/slugify.js";

/**
 * Slugs of titles in ASCII and German letters take a one-pass path; other non-ASCII text and very
 * long titles take the Unicode path (NFKD). Both must give what the Unicode path always gave
 * (these expectations are its output before the one-pass path existed).
 */
describe("slugify", () => {
  it.each([
    ["Aufgabe 12 für Prüfroutinen vorbereiten", "aufgabe-12-fuer-pruefroutinen-vorbereiten"],
    ["ÄÖÜ äöü ß ẞ", "aeoeue-aeoeue-ss-ss"],
    ["CUDA_VISIBLE_DEVICES setzen", "cuda-visible-devices-setzen"],
    ["Café crème – naïve", "cafe-creme-naive"],
    ["e\u0301te\u0301", "ete"],
    ["日本語 und Text", "und-text"],
    ["  --Hallo,  Welt!! ", "hallo-welt"],
    ["", ""],
    ["ﬁ Ligatur", "fi-ligatur"],
  ])("%j → %j", (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it("gives the same slug for a title too long for the one-pass path", () => {
    const title = "Ärger über Straße ".repeat(70).trim();
    expect(title.length).toBeGreaterThan(1024);
    expect(slugify(title)).toBe(Array(70).fill("aerger-ueber-strasse").join("-"));
  });
});
