// @ts-check
/**
 * Russian and English. The language is the one chosen with the switch (remembered in
 * localStorage), else the browser's, else English. Translated text is marked in the DOM
 * (`data-i18n`, `data-i18n-args`, `data-i18n-placeholder`, `data-i18n-aria-label`, `data-term`,
 * `data-country`, `data-language`, `data-date`), so `localize()` re-labels the whole page in place
 * and nothing a person typed is lost when they switch.
 */

/** @typedef {"en" | "ru"} Lang */
/** @typedef {string | { one: string, few?: string, many?: string, other: string }} Entry */

/** @type {Record<Lang, Record<string, Entry>>} */
export const STRINGS = {
  en: {
    "app.title": "Soundtrack — period songs for films",
    "app.tagline":
      "Find songs of the period for a film scene, plan a whole film, keep the catalogue.",
    "app.start":
      "New here? Open “Plan a film”, choose a film, and download its cue sheet (CSV) — the plan appears as soon as you choose.",
    "app.skip": "Skip to content",
    "app.language": "Language",
    "app.apiDocs": "API documentation",
    "nav.label": "Screens",
    "nav.search": "Search",
    "nav.scene": "Describe a scene",
    "nav.film": "Plan a film",
    "nav.edit": "Edit the catalogue",
    "common.loading": "Loading…",
    "common.any": "any",

    "search.title": "Search the catalogue",
    "search.intro":
      "Titles, performers, composers and lyricists, in any script: «Кристалинская» or “Kristalinskaya”.",
    "search.q": "Search for",
    "search.decade": "Decade",
    "search.country": "Country",
    "search.theme": "Theme",
    "search.mood": "Mood",
    "search.anyDecade": "any decade",
    "search.anyCountry": "any country",
    "search.anyTheme": "any theme",
    "search.anyMood": "any mood",
    "search.submit": "Search",
    "search.more": "Show more",
    "search.found": { one: "{n} song found", other: "{n} songs found" },
    "search.results": "Results",

    "song.id": "Id",
    "song.titleLatin": "Latin title",
    "song.titleEnglish": "English title",
    "song.composers": "Composers",
    "song.lyricists": "Lyricists",
    "song.year": "First performed",
    "song.country": "Country",
    "song.language": "Language",
    "song.themes": "Themes",
    "song.moods": "Moods",
    "song.notes": "Notes",
    "song.recordings": "Recordings",
    "song.undated": "year unknown",
    "song.bestKnown": "best known",
    "song.recordingSources": "Sources:",
    "song.sources": "Sources",
    "song.listen": "Listen",
    "song.edit": "Edit this song",

    "scene.title": "Describe a scene",
    "scene.intro":
      "Say when and where the story happens and what the scene is about, in Russian or English. Themes and moods are optional.",
    "scene.year": "Story year",
    "scene.country": "Country",
    "scene.language": "Song language",
    "scene.anyLanguage": "any language",
    "scene.description": "What happens in the scene",
    "scene.descriptionHint": "Ctrl+Enter sends the form.",
    "scene.periodCorrect": "Only recordings made by the story year",
    "scene.submit": "Suggest songs",
    "scene.themes": "Themes",
    "scene.moods": "Moods",
    "scene.suggestions": { one: "{n} suggestion", other: "{n} suggestions" },
    "scene.none": "No song fits. Try another year, fewer themes, or allow later recordings.",

    "interp.title": "How the scene was understood",
    "interp.period": "Story period:",
    "interp.source.year": "(from the year)",
    "interp.source.era": "(from the era)",
    "interp.source.description": "(read from the text)",
    "interp.noPeriod": "none given",
    "interp.language": "Text language:",
    "interp.lang.ru": "Russian",
    "interp.lang.en": "English",
    "interp.lang.mixed": "mixed",
    "interp.themes": "Themes used",
    "interp.moods": "Moods used",
    "interp.unmatched": "Words that matched nothing:",
    "interp.corrected":
      "Ranked by your corrected themes and moods; the description is no longer read for them.",
    "interp.rerank": "Re-rank with these themes and moods",
    "interp.rerankHint": "Remove a wrong term or add one, then re-rank.",

    "suggestion.score": "Score",
    "suggestion.why": "Why this song",
    "suggestion.details": "Song details",
    "factor.era": "era",
    "factor.themes": "themes",
    "factor.mood": "mood",
    "factor.origin": "origin",
    "factor.text": "text",
    "listen.play": "Play on {provider}",
    "listen.search": "Search on {provider}",
    "listen.open": "Open on {provider}",

    "picker.addTheme": "Theme to add",
    "picker.addMood": "Mood to add",
    "picker.chooseTheme": "— choose a theme —",
    "picker.chooseMood": "— choose a mood —",
    "picker.add": "Add",
    "picker.none": "none",
    "picker.remove": "Remove {label}",

    "film.title": "Film title",
    "film.heading": "Plan a film",
    "film.intro":
      "Choose a film: its soundtrack is planned at once, one song per scene, with alternates. Then edit scenes, pin songs, swap picks and download the cue sheet.",
    "film.choose": "1. Choose a film",
    "film.own": "Or use your own film (JSON)",
    "film.paste": "Paste a film JSON",
    "film.load": "Load this film",
    "film.upload": "Or upload a film JSON file",
    "film.options": "2. Plan",
    "film.perScene": "Songs per scene",
    "film.alternatesCount": "Alternates per scene",
    "film.planButton": "Plan the soundtrack",
    "film.stale": "The film changed since this plan — plan again to see the effect.",
    "film.editScenes": "Edit scenes and pin songs",
    "film.sceneCount": { one: "{n} scene", other: "{n} scenes" },
    "film.badJson": "This is not valid JSON:",
    "film.noScenes": "This JSON is not a film: it needs a “scenes” list.",
    "film.storyTime": "Story time:",
    "film.noPins": "no pinned song",
    "film.unpin": "Unpin {title}",
    "film.pinNothing": "No song found.",
    "film.pin": "Pin",
    "film.sceneN": "Scene {n}",
    "film.sceneTitle": "Scene title",
    "film.sceneDescription": "Scene description",
    "film.pinned": "Pinned songs",
    "film.pinSearch": "Find a song to pin",
    "film.find": "Find",
    "film.planning": "Planning…",
    "film.planned": { one: "Planned {n} scene.", other: "Planned {n} scenes." },
    "film.planTitle": "Soundtrack plan: {title}",
    "film.total": "Total fit {score} · {tracks} tracks",
    "film.download": "Download:",
    "film.download.csv": "Cue sheet (CSV)",
    "film.download.m3u8": "Playlist (M3U8)",
    "film.download.xspf": "Playlist (XSPF)",
    "film.download.json": "Plan (JSON)",
    "film.downloaded": "Downloaded {name}",
    "film.pinnedBadge": "pinned",
    "film.unfilled": {
      one: "{n} slot left empty: no other song fits.",
      other: "{n} slots left empty: no other song fits.",
    },
    "film.alternates": "Alternates",
    "film.swap": "Use instead",
    "film.swapContext": "of “{pick}” in scene “{scene}”",
    "film.swapped": "{alt} replaces {pick} in “{scene}” (pinned there); the plan was updated.",

    "edit.heading": "Edit the catalogue",
    "edit.intro":
      "Reading needs no key; saving needs an editor key. Every change is kept in the song's history.",
    "key.label": "Editor key",
    "key.use": "Use this key",
    "key.forget": "Forget the key",
    "key.set": "A key is set for this browser tab (it is forgotten when the tab closes).",
    "key.none": "No key set: you can look, but saving needs an editor key.",
    "key.hint": "Check the editor key above.",
    "edit.open": "Song id or title",
    "edit.openButton": "Open for editing",
    "edit.new": "New song",
    "edit.choose": "Several songs match “{text}”; choose one:",
    "edit.noMatch": "No song matches “{text}”.",
    "edit.comment": "Why (saved in the history, optional)",
    "edit.save": "Save",
    "edit.history": "Show history",
    "edit.saving": "Saving…",
    "edit.created": "Added “{title}” (version {version}).",
    "edit.saved": "Saved “{title}” (version {version}).",
    "edit.newTitle": "New song",
    "edit.editingTitle": "Editing “{title}” (version {version})",
    "edit.title": "Title (original script)",
    "edit.titleHint": "As written in the original language, e.g. «Нежность».",
    "edit.titleLatin": "Title in Latin letters",
    "edit.titleEnglish": "English title",
    "edit.id": "Id",
    "edit.idHint": "Lowercase Latin slug; made from the Latin title when left empty.",
    "edit.idFixed": "Ids cannot be changed.",
    "edit.year": "Year first performed",
    "edit.country": "Country",
    "edit.countryHint": "Two letters: SU, US, FR…",
    "edit.language": "Language",
    "edit.languageHint": "Two letters: ru, en, fr… (zxx: instrumental)",
    "edit.composers": "Composers",
    "edit.lyricists": "Lyricists",
    "edit.performers": "Performers",
    "edit.personName": "Name {n}",
    "edit.personLatin": "Name {n} in Latin letters",
    "edit.removePerson": "Remove person {n}",
    "edit.remove": "Remove",
    "edit.addPerson": "Add a person",
    "edit.themes": "Themes",
    "edit.moods": "Moods",
    "edit.notes": "Notes",
    "edit.sources": "Sources",
    "edit.sourcesHint": "One URL per line, the pages the facts were read from.",
    "edit.recordings": "Recordings",
    "edit.recordingN": "Recording {n}",
    "edit.recordingId": "Recording id",
    "edit.slugHint": "Lowercase Latin slug, e.g. nezhnost-kristalinskaya-1965.",
    "edit.recordingYear": "Year recorded",
    "edit.bestKnown": "Best-known recording",
    "edit.addRecording": "Add a recording",
    "edit.removeRecording": "Remove recording {n}",
    "edit.line": "line {n}: {problem}",
    "edit.notSaved": {
      one: "Not saved: {n} problem to fix",
      other: "Not saved: {n} problems to fix",
    },
    "edit.duplicateTitle": "This song seems to be in the catalogue already",
    "edit.duplicateHelp":
      "Songs are compared by title and performer in any script. Open the existing song and add your recording there, or change the title.",
    "edit.duplicateShow": "Show “{id}”",
    "edit.duplicateEdit": "Edit “{id}”",

    "conflict.title": "Someone else saved this song while you were editing",
    "conflict.explain":
      "You started from version {mine}; the catalogue now has version {current}. Nothing was overwritten.",
    "conflict.theirs": "Changed meanwhile",
    "conflict.unknown": "The history does not say what changed.",
    "conflict.mine": "Your changes (not saved yet)",
    "conflict.mineCaption": "Your changes",
    "conflict.noChanges": "You changed nothing.",
    "conflict.both": "Both of you changed: {fields}. Re-applying keeps your value there.",
    "conflict.reapply": "Re-apply my changes to the current version and save",
    "conflict.discard": "Discard my changes",
    "conflict.discarded": "Your changes were discarded. This is version {version}.",

    "history.title": "History of “{title}”",
    "history.version": "Version {n}",
    "history.by": "by {actor}",
    "history.action.create": "created",
    "history.action.update": "changed",
    "history.action.delete": "deleted",
    "history.action.restore": "restored",
    "history.action.import": "imported",
    "history.action.seed": "initial catalogue",
    "history.whole": "Whole entry",
    "history.removed": "Entry removed",
    "history.caption": "Changed fields",
    "history.field": "Field",
    "history.before": "Before",
    "history.after": "After",

    "error.invalid_input": "Some values are not valid.",
    "error.unknown_term": "A theme or mood is not in the vocabulary.",
    "error.malformed_json": "The request was not valid JSON.",
    "error.not_found": "Not found.",
    "error.unauthorized": "A valid key is needed.",
    "error.forbidden": "This key may not do that.",
    "error.duplicate": "This looks like a song already in the catalogue.",
    "error.conflict": "This conflicts with the catalogue.",
    "error.precondition_failed": "Someone else changed this meanwhile.",
    "error.precondition_required": "The version being edited is unknown.",
    "error.anachronism": "A pinned song was recorded after its scene's year.",
    "error.payload_too_large": "That is too large.",
    "error.unsupported_media_type": "The request format was refused.",
    "error.network": "The service cannot be reached.",
    "error.other": "The service refused (HTTP {status}).",
    "error.unexpected": "Something went wrong:",

    "country.SU": "USSR",
    "language.zxx": "instrumental",
  },
  ru: {
    "app.title": "Саундтрек — песни эпохи для кино",
    "app.tagline":
      "Песни нужного времени для сцены фильма, план музыки для всего фильма, ведение каталога.",
    "app.start":
      "Впервые здесь? Откройте «План фильма», выберите фильм и скачайте музыкальную экспликацию (CSV) — план появится сразу после выбора.",
    "app.skip": "Перейти к содержимому",
    "app.language": "Язык",
    "app.apiDocs": "Документация API",
    "nav.label": "Разделы",
    "nav.search": "Поиск",
    "nav.scene": "Описать сцену",
    "nav.film": "План фильма",
    "nav.edit": "Редактировать каталог",
    "common.loading": "Загрузка…",
    "common.any": "любой",

    "search.title": "Поиск по каталогу",
    "search.intro":
      "Названия, исполнители, композиторы и поэты — в любой записи: «Кристалинская» или «Kristalinskaya».",
    "search.q": "Что искать",
    "search.decade": "Десятилетие",
    "search.country": "Страна",
    "search.theme": "Тема",
    "search.mood": "Настроение",
    "search.anyDecade": "любое десятилетие",
    "search.anyCountry": "любая страна",
    "search.anyTheme": "любая тема",
    "search.anyMood": "любое настроение",
    "search.submit": "Найти",
    "search.more": "Показать ещё",
    "search.found": {
      one: "Найдена {n} песня",
      few: "Найдено {n} песни",
      many: "Найдено {n} песен",
      other: "Найдено {n} песни",
    },
    "search.results": "Результаты",

    "song.id": "Идентификатор",
    "song.titleLatin": "Название латиницей",
    "song.titleEnglish": "Название по-английски",
    "song.composers": "Композиторы",
    "song.lyricists": "Авторы слов",
    "song.year": "Первое исполнение",
    "song.country": "Страна",
    "song.language": "Язык",
    "song.themes": "Темы",
    "song.moods": "Настроения",
    "song.notes": "Примечание",
    "song.recordings": "Записи",
    "song.undated": "год неизвестен",
    "song.bestKnown": "самая известная",
    "song.recordingSources": "Источники:",
    "song.sources": "Источники",
    "song.listen": "Послушать",
    "song.edit": "Редактировать песню",

    "scene.title": "Описать сцену",
    "scene.intro":
      "Укажите, когда и где происходит действие и о чём сцена — по-русски или по-английски. Темы и настроения — по желанию.",
    "scene.year": "Год действия",
    "scene.country": "Страна",
    "scene.language": "Язык песни",
    "scene.anyLanguage": "любой язык",
    "scene.description": "Что происходит в сцене",
    "scene.descriptionHint": "Ctrl+Enter отправляет форму.",
    "scene.periodCorrect": "Только записи, сделанные к году действия",
    "scene.submit": "Подобрать песни",
    "scene.themes": "Темы",
    "scene.moods": "Настроения",
    "scene.suggestions": {
      one: "{n} песня",
      few: "{n} песни",
      many: "{n} песен",
      other: "{n} песни",
    },
    "scene.none":
      "Ничего не подходит. Попробуйте другой год, меньше тем или разрешите более поздние записи.",

    "interp.title": "Как понята сцена",
    "interp.period": "Время действия:",
    "interp.source.year": "(из года)",
    "interp.source.era": "(из эпохи)",
    "interp.source.description": "(из текста)",
    "interp.noPeriod": "не указано",
    "interp.language": "Язык текста:",
    "interp.lang.ru": "русский",
    "interp.lang.en": "английский",
    "interp.lang.mixed": "смешанный",
    "interp.themes": "Учтённые темы",
    "interp.moods": "Учтённые настроения",
    "interp.unmatched": "Слова, которые ничему не соответствуют:",
    "interp.corrected":
      "Подбор по исправленным темам и настроениям; описание для них больше не учитывается.",
    "interp.rerank": "Подобрать заново с этими темами и настроениями",
    "interp.rerankHint": "Уберите лишнее или добавьте нужное и подберите заново.",

    "suggestion.score": "Оценка",
    "suggestion.why": "Почему эта песня",
    "suggestion.details": "О песне",
    "factor.era": "эпоха",
    "factor.themes": "темы",
    "factor.mood": "настроение",
    "factor.origin": "происхождение",
    "factor.text": "текст",
    "listen.play": "Слушать в {provider}",
    "listen.search": "Искать в {provider}",
    "listen.open": "Открыть в {provider}",

    "picker.addTheme": "Добавить тему",
    "picker.addMood": "Добавить настроение",
    "picker.chooseTheme": "— выберите тему —",
    "picker.chooseMood": "— выберите настроение —",
    "picker.add": "Добавить",
    "picker.none": "нет",
    "picker.remove": "Убрать «{label}»",

    "film.title": "Название фильма",
    "film.heading": "План фильма",
    "film.intro":
      "Выберите фильм — музыка к нему будет подобрана сразу, по песне на сцену, с запасными вариантами. Затем можно править сцены, закреплять песни, заменять их и скачать экспликацию.",
    "film.choose": "1. Выберите фильм",
    "film.own": "Или свой фильм (JSON)",
    "film.paste": "Вставьте JSON фильма",
    "film.load": "Загрузить фильм",
    "film.upload": "Или загрузите файл JSON фильма",
    "film.options": "2. План",
    "film.perScene": "Песен на сцену",
    "film.alternatesCount": "Запасных вариантов на сцену",
    "film.planButton": "Составить план музыки",
    "film.stale": "Фильм изменён после составления плана — составьте план заново.",
    "film.editScenes": "Править сцены и закреплять песни",
    "film.sceneCount": {
      one: "{n} сцена",
      few: "{n} сцены",
      many: "{n} сцен",
      other: "{n} сцены",
    },
    "film.badJson": "Это не JSON:",
    "film.noScenes": "Это не фильм: нужен список «scenes».",
    "film.storyTime": "Время действия:",
    "film.noPins": "песни не закреплены",
    "film.unpin": "Открепить «{title}»",
    "film.pinNothing": "Ничего не найдено.",
    "film.pin": "Закрепить",
    "film.sceneN": "Сцена {n}",
    "film.sceneTitle": "Название сцены",
    "film.sceneDescription": "Описание сцены",
    "film.pinned": "Закреплённые песни",
    "film.pinSearch": "Найти песню, чтобы закрепить",
    "film.find": "Найти",
    "film.planning": "Составляю план…",
    "film.planned": {
      one: "План для {n} сцены готов.",
      few: "План для {n} сцен готов.",
      many: "План для {n} сцен готов.",
      other: "План для {n} сцены готов.",
    },
    "film.planTitle": "План музыки: {title}",
    "film.total": "Общая оценка {score} · треков: {tracks}",
    "film.download": "Скачать:",
    "film.download.csv": "Экспликация (CSV)",
    "film.download.m3u8": "Плейлист (M3U8)",
    "film.download.xspf": "Плейлист (XSPF)",
    "film.download.json": "План (JSON)",
    "film.downloaded": "Скачан файл {name}",
    "film.pinnedBadge": "закреплена",
    "film.unfilled": {
      one: "{n} место осталось пустым: больше ничего не подходит.",
      few: "{n} места остались пустыми: больше ничего не подходит.",
      many: "{n} мест остались пустыми: больше ничего не подходит.",
      other: "{n} места остались пустыми: больше ничего не подходит.",
    },
    "film.alternates": "Запасные варианты",
    "film.swap": "Взять вместо",
    "film.swapContext": "«{pick}» в сцене «{scene}»",
    "film.swapped": "«{alt}» заменяет «{pick}» в сцене «{scene}» (закреплена); план обновлён.",

    "edit.heading": "Редактировать каталог",
    "edit.intro":
      "Смотреть можно без ключа; чтобы сохранять, нужен ключ редактора. Каждое изменение остаётся в истории песни.",
    "key.label": "Ключ редактора",
    "key.use": "Использовать ключ",
    "key.forget": "Забыть ключ",
    "key.set": "Ключ задан для этой вкладки (забудется, когда вкладка закроется).",
    "key.none": "Ключ не задан: смотреть можно, а для сохранения нужен ключ редактора.",
    "key.hint": "Проверьте ключ редактора выше.",
    "edit.open": "Идентификатор или название песни",
    "edit.openButton": "Открыть для правки",
    "edit.new": "Новая песня",
    "edit.choose": "Под «{text}» подходят несколько песен, выберите:",
    "edit.noMatch": "Под «{text}» ничего не подходит.",
    "edit.comment": "Зачем (попадёт в историю, необязательно)",
    "edit.save": "Сохранить",
    "edit.history": "Показать историю",
    "edit.saving": "Сохраняю…",
    "edit.created": "Песня «{title}» добавлена (версия {version}).",
    "edit.saved": "«{title}» сохранена (версия {version}).",
    "edit.newTitle": "Новая песня",
    "edit.editingTitle": "Правка «{title}» (версия {version})",
    "edit.title": "Название (в оригинале)",
    "edit.titleHint": "Как на языке оригинала, например «Нежность».",
    "edit.titleLatin": "Название латиницей",
    "edit.titleEnglish": "Название по-английски",
    "edit.id": "Идентификатор",
    "edit.idHint": "Строчные латинские буквы и дефисы; если пусто — из названия латиницей.",
    "edit.idFixed": "Идентификатор менять нельзя.",
    "edit.year": "Год первого исполнения",
    "edit.country": "Страна",
    "edit.countryHint": "Две буквы: SU, US, FR…",
    "edit.language": "Язык",
    "edit.languageHint": "Две буквы: ru, en, fr… (zxx — без слов)",
    "edit.composers": "Композиторы",
    "edit.lyricists": "Авторы слов",
    "edit.performers": "Исполнители",
    "edit.personName": "Имя {n}",
    "edit.personLatin": "Имя {n} латиницей",
    "edit.removePerson": "Убрать человека {n}",
    "edit.remove": "Убрать",
    "edit.addPerson": "Добавить человека",
    "edit.themes": "Темы",
    "edit.moods": "Настроения",
    "edit.notes": "Примечание",
    "edit.sources": "Источники",
    "edit.sourcesHint": "По одному URL на строку — страницы, откуда взяты факты.",
    "edit.recordings": "Записи",
    "edit.recordingN": "Запись {n}",
    "edit.recordingId": "Идентификатор записи",
    "edit.slugHint": "Строчные латинские буквы и дефисы, например nezhnost-kristalinskaya-1965.",
    "edit.recordingYear": "Год записи",
    "edit.bestKnown": "Самая известная запись",
    "edit.addRecording": "Добавить запись",
    "edit.removeRecording": "Убрать запись {n}",
    "edit.line": "строка {n}: {problem}",
    "edit.notSaved": {
      one: "Не сохранено: исправьте {n} ошибку",
      few: "Не сохранено: исправьте {n} ошибки",
      many: "Не сохранено: исправьте {n} ошибок",
      other: "Не сохранено: исправьте {n} ошибки",
    },
    "edit.duplicateTitle": "Похоже, эта песня уже есть в каталоге",
    "edit.duplicateHelp":
      "Песни сравниваются по названию и исполнителю в любой записи. Откройте существующую песню и добавьте запись к ней или измените название.",
    "edit.duplicateShow": "Показать «{id}»",
    "edit.duplicateEdit": "Править «{id}»",

    "conflict.title": "Пока вы редактировали, песню сохранил кто-то другой",
    "conflict.explain":
      "Вы начали с версии {mine}, а в каталоге уже версия {current}. Ничего не перезаписано.",
    "conflict.theirs": "Что изменилось за это время",
    "conflict.unknown": "История не говорит, что изменилось.",
    "conflict.mine": "Ваши изменения (ещё не сохранены)",
    "conflict.mineCaption": "Ваши изменения",
    "conflict.noChanges": "Вы ничего не изменили.",
    "conflict.both": "Вы оба изменили: {fields}. При повторном применении останется ваше значение.",
    "conflict.reapply": "Применить мои изменения к текущей версии и сохранить",
    "conflict.discard": "Отказаться от моих изменений",
    "conflict.discarded": "Ваши изменения отброшены. Это версия {version}.",

    "history.title": "История «{title}»",
    "history.version": "Версия {n}",
    "history.by": "автор: {actor}",
    "history.action.create": "создана",
    "history.action.update": "изменена",
    "history.action.delete": "удалена",
    "history.action.restore": "восстановлена",
    "history.action.import": "импортирована",
    "history.action.seed": "исходный каталог",
    "history.whole": "Вся запись",
    "history.removed": "Запись удалена",
    "history.caption": "Изменённые поля",
    "history.field": "Поле",
    "history.before": "Было",
    "history.after": "Стало",

    "error.invalid_input": "Некоторые значения неверны.",
    "error.unknown_term": "Такой темы или настроения нет в словаре.",
    "error.malformed_json": "Запрос — не JSON.",
    "error.not_found": "Не найдено.",
    "error.unauthorized": "Нужен действующий ключ.",
    "error.forbidden": "Этому ключу это не разрешено.",
    "error.duplicate": "Похоже, такая песня уже есть в каталоге.",
    "error.conflict": "Это противоречит каталогу.",
    "error.precondition_failed": "Кто-то успел это изменить.",
    "error.precondition_required": "Неизвестно, какую версию вы правите.",
    "error.anachronism": "Закреплённая песня записана позже года сцены.",
    "error.payload_too_large": "Слишком большой объём.",
    "error.unsupported_media_type": "Формат запроса не принят.",
    "error.network": "Сервис недоступен.",
    "error.other": "Сервис отказал (HTTP {status}).",
    "error.unexpected": "Что-то пошло не так:",

    "country.SU": "СССР",
    "language.zxx": "без слов",
  },
};

export const LANGS = /** @type {const} */ (["ru", "en"]);
const STORAGE = "soundtrack.lang";

/** @returns {Lang} */
function initialLang() {
  try {
    const saved = localStorage.getItem(STORAGE);
    if (saved === "ru" || saved === "en") return saved;
  } catch {
    // storage disabled
  }
  const wanted =
    typeof navigator === "undefined" ? [] : (navigator.languages ?? [navigator.language]);
  for (const l of wanted) {
    const base = (l ?? "").toLowerCase().slice(0, 2);
    if (base === "ru" || base === "en") return base;
  }
  return "en";
}

/** @type {Lang} */
let lang = initialLang();
/** @type {import("./types.js").Vocabulary} */
let vocab = { themes: [], moods: [] };

export function getLang() {
  return lang;
}

/**
 * Switches the language, remembers it, and re-labels the page.
 * @param {Lang} next
 */
export function setLang(next) {
  lang = next;
  try {
    localStorage.setItem(STORAGE, next);
  } catch {
    // storage disabled: the choice lasts until reload
  }
  localize(document);
}

/** @param {import("./types.js").Vocabulary} v */
export function setVocabulary(v) {
  vocab = v;
}

export function vocabulary() {
  return vocab;
}

/**
 * A term's label in the page's language (the id if the vocabulary does not know it).
 * @param {"theme" | "mood"} kind
 * @param {string} id
 * @param {number} [depth] indentation for hierarchical lists
 */
export function termLabel(kind, id, depth = 0) {
  const list = kind === "theme" ? vocab.themes : vocab.moods;
  const term = list.find((x) => x.id === id);
  const label = term ? term.label[lang] : id;
  return depth > 0 ? `${"\u00a0\u00a0".repeat(depth)}${label}` : label;
}

/** @param {string} code */
export function countryName(code) {
  const own = STRINGS[lang][`country.${code}`];
  if (typeof own === "string") return own;
  try {
    return new Intl.DisplayNames([lang], { type: "region" }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** @param {string} code */
export function languageName(code) {
  const own = STRINGS[lang][`language.${code}`];
  if (typeof own === "string") return own;
  try {
    return new Intl.DisplayNames([lang], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** @param {string} iso */
export function formatDate(iso) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeStyle: "short" }).format(d);
}

/**
 * Translates a key; `{name}` placeholders take `args`. An argument written "@term:kind:id" is a
 * vocabulary term, shown in the page's language.
 * @param {string} key
 * @param {Record<string, unknown>} [args]
 */
export function t(key, args = {}) {
  const entry = STRINGS[lang][key] ?? STRINGS.en[key];
  if (entry === undefined) return key;
  let text;
  if (typeof entry === "string") text = entry;
  else {
    const n = Number(args.n ?? 0);
    const form = /** @type {"one" | "few" | "many" | "other"} */ (
      new Intl.PluralRules(lang).select(n)
    );
    text = entry[form] ?? entry.other;
  }
  return text.replace(/\{(\w+)\}/g, (_, name) => {
    const v = args[name];
    if (typeof v === "string" && v.startsWith("@term:")) {
      const [, kind, id] = v.split(":");
      return termLabel(kind === "mood" ? "mood" : "theme", id ?? "");
    }
    return v === undefined ? `{${name}}` : String(v);
  });
}

/**
 * A span whose text follows the language.
 * @param {string} key
 * @param {Record<string, unknown>} [args]
 */
export function tx(key, args) {
  const el = document.createElement("span");
  el.dataset.i18n = key;
  if (args) el.dataset.i18nArgs = JSON.stringify(args);
  el.textContent = t(key, args);
  return el;
}

/** @param {HTMLElement} el */
function argsOf(el) {
  try {
    return el.dataset.i18nArgs ? JSON.parse(el.dataset.i18nArgs) : {};
  } catch {
    return {};
  }
}

/**
 * Re-labels everything marked for translation under `root`.
 * @param {ParentNode} root
 */
export function localize(root) {
  document.documentElement.lang = lang;
  document.title = t("app.title");
  for (const el of root.querySelectorAll("[data-i18n]")) {
    const e = /** @type {HTMLElement} */ (el);
    e.textContent = t(e.dataset.i18n ?? "", argsOf(e));
  }
  for (const attr of ["placeholder", "aria-label", "title"]) {
    for (const el of root.querySelectorAll(`[data-i18n-${attr}]`)) {
      const e = /** @type {HTMLElement} */ (el);
      e.setAttribute(attr, t(e.getAttribute(`data-i18n-${attr}`) ?? "", argsOf(e)));
    }
  }
  for (const el of root.querySelectorAll("[data-term]")) {
    const e = /** @type {HTMLElement} */ (el);
    const [kind, id] = (e.dataset.term ?? "").split(":");
    e.textContent = termLabel(
      kind === "mood" ? "mood" : "theme",
      id ?? "",
      Number(e.dataset.depth ?? 0),
    );
  }
  for (const el of root.querySelectorAll("[data-country]")) {
    el.textContent = countryName(/** @type {HTMLElement} */ (el).dataset.country ?? "");
  }
  for (const el of root.querySelectorAll("[data-language]")) {
    el.textContent = languageName(/** @type {HTMLElement} */ (el).dataset.language ?? "");
  }
  for (const el of root.querySelectorAll("[data-date]")) {
    el.textContent = formatDate(/** @type {HTMLElement} */ (el).dataset.date ?? "");
  }
  for (const el of root.querySelectorAll("[data-lang-choice]")) {
    const e = /** @type {HTMLElement} */ (el);
    e.setAttribute("aria-pressed", String(e.dataset.langChoice === lang));
  }
}
