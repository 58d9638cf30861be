// @ts-check
/**
 * The shapes of the public HTTP API the page reads (see README "HTTP API"), as JSDoc types only:
 * nothing here runs. `web/tsconfig.json` type-checks the page against them.
 */

/** @typedef {{ name: string, nameLatin?: string }} Person */

/**
 * @typedef {object} Recording
 * @property {string} id
 * @property {Person[]} performers
 * @property {number} [year]
 * @property {boolean} [bestKnown]
 * @property {string} [notes]
 * @property {string[]} sources
 */

/** @typedef {{ provider: string, kind?: string, url: string }} ListeningLink */

/**
 * @typedef {object} Song
 * @property {string} id
 * @property {string} title
 * @property {string} titleLatin
 * @property {string} [titleEnglish]
 * @property {Person[]} composers
 * @property {Person[]} lyricists
 * @property {number} year
 * @property {string} country
 * @property {string} language
 * @property {string[]} themes
 * @property {string[]} moods
 * @property {string} [notes]
 * @property {string[]} sources
 * @property {Recording[]} recordings
 * @property {ListeningLink[]} [listening]
 */

/**
 * @typedef {object} Theme
 * @property {string} id
 * @property {string | null} parent
 * @property {{ en: string, ru: string }} label
 */

/**
 * @typedef {object} Mood
 * @property {string} id
 * @property {number} valence
 * @property {number} arousal
 * @property {{ en: string, ru: string }} label
 */

/** @typedef {{ themes: Theme[], moods: Mood[] }} Vocabulary */

/** @typedef {{ factor: string, contribution: number, text: string }} Reason */

/**
 * What the streaming resolution says about one suggestion (only `url` and `status` are read).
 * @typedef {{ status: string, url?: string, best?: { url?: string } }} StreamingAnswer
 */

/**
 * @typedef {object} Suggestion
 * @property {Song} song
 * @property {Recording} recording
 * @property {number} score
 * @property {Reason[]} reasons
 * @property {ListeningLink[]} [listening]
 * @property {Record<string, StreamingAnswer>} [streaming]
 * @property {boolean} [pinned]
 */

/** @typedef {{ id: string, source: string, matched: string[] }} InterpretedTerm */

/**
 * @typedef {object} Interpretation
 * @property {{ from: number, to: number, source: string } | null} period
 * @property {string | null} language
 * @property {InterpretedTerm[]} themes
 * @property {InterpretedTerm[]} moods
 * @property {string[]} unmatched
 */

/** @typedef {{ interpreted: Interpretation, suggestions: Suggestion[] }} SuggestionAnswer */

/**
 * @typedef {object} FilmScene
 * @property {string} id
 * @property {string} title
 * @property {string} [description]
 * @property {string[]} [themes]
 * @property {string[]} [moods]
 * @property {number} [year]
 * @property {number} [durationSec]
 * @property {string[]} [pinned]
 */

/**
 * @typedef {object} Film
 * @property {string} [id]
 * @property {string} title
 * @property {string} [titleEnglish]
 * @property {number} [year]
 * @property {string | { from: number, to: number }} [era]
 * @property {string} [country]
 * @property {string} [language]
 * @property {FilmScene[]} scenes
 */

/**
 * @typedef {object} FilmSummary
 * @property {string} id
 * @property {string} title
 * @property {string} [titleEnglish]
 * @property {number} [year]
 * @property {{ from: number, to: number }} [era]
 * @property {string} [country]
 * @property {number} scenes
 */

/**
 * @typedef {object} ScenePlan
 * @property {string} sceneId
 * @property {string} title
 * @property {{ from: number, to: number } | null} period
 * @property {Suggestion[]} picks
 * @property {Suggestion[]} alternates
 * @property {number} unfilled
 */

/**
 * @typedef {object} Plan
 * @property {{ id?: string, title: string, titleEnglish?: string }} film
 * @property {ScenePlan[]} scenes
 * @property {unknown[]} tracks
 * @property {number} totalScore
 */

/** @typedef {{ path: string, before?: unknown, after?: unknown }} FieldChange */

/**
 * @typedef {object} HistoryEntry
 * @property {number} version
 * @property {string} action
 * @property {string} actor
 * @property {string} at
 * @property {string} [comment]
 * @property {FieldChange[]} changes
 */

/** @typedef {{ path: string, problem: string }} IssueDetail */

export {};
