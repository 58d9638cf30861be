;; The inner loop of ranking (see ../scan.ts), in WebAssembly: V8 checks the bounds of every
;; typed-array read in JavaScript, and at a dozen reads per song those checks were most of the
;; cost of a scan; here memory reads are unchecked (the memory's guard pages make them safe).
;;
;; `next` walks songs downward and stops at the first one that enters the top k on its score: the
;; JavaScript side offers it to the heap and calls `next` again with the raised threshold. The
;; arithmetic is done in the same order as the JavaScript factor formulas, in 64-bit floats, so
;; scores are bit for bit the same.
;;
;; All addresses are byte offsets into the one imported memory, laid out by ../scan-kernel.ts.
(module
  (import "env" "memory" (memory 1))

  ;; Where the song columns and per-request tables live: set once by `init`.
  (global $origin (mut i32) (i32.const 0))      ;; u16 per song: (country, language) pair
  (global $valence (mut i32) (i32.const 0))     ;; f32 per song
  (global $arousal (mut i32) (i32.const 0))     ;; f32 per song
  (global $hasAffect (mut i32) (i32.const 0))   ;; u8 per song: 1 if it has a mood point
  (global $moodMask (mut i32) (i32.const 0))    ;; i32 x moodWords per song: its moods, bits
  (global $moodWords (mut i32) (i32.const 0))
  (global $text (mut i32) (i32.const 0))        ;; f32 per song: text relevance
  (global $excluded (mut i32) (i32.const 0))    ;; u8 per song: 1 to leave out
  (global $eraTable (mut i32) (i32.const 0))    ;; f64 per year: weighted era factor
  (global $originTable (mut i32) (i32.const 0)) ;; f64 per pair: weighted origin factor
  (global $wantedMood (mut i32) (i32.const 0))  ;; i32 x moodWords: the scene's moods, bits
  (global $found (mut i32) (i32.const 0))       ;; f64: the score of the song `next` returns

  ;; Set per scan (and per half of it) by `prepare`.
  (global $theme1 (mut i32) (i32.const 0))      ;; u8 per song: first wanted theme, hundredths
  (global $theme2 (mut i32) (i32.const 0))      ;; u8 per song: second wanted theme
  (global $theme3 (mut i32) (i32.const 0))      ;; u8 per song: third wanted theme
  (global $theme4 (mut i32) (i32.const 0))      ;; u8 per song: fourth wanted theme
  (global $theme5 (mut i32) (i32.const 0))      ;; u8 per song: fifth wanted theme
  (global $themesRest (mut i32) (i32.const 0))  ;; u16 per song: sum of the other wanted themes
  (global $yearAt (mut i32) (i32.const 0))      ;; u16 per song: recording year - first year
  (global $themeScale (mut f64) (f64.const 0))
  (global $wText (mut f64) (f64.const 0))
  (global $wMood (mut f64) (f64.const 0))
  (global $sceneValence (mut f64) (f64.const 0))
  (global $sceneArousal (mut f64) (f64.const 0))
  (global $moodCount (mut f64) (f64.const 1))

  (func (export "init")
    (param $origin i32) (param $valence i32) (param $arousal i32) (param $hasAffect i32)
    (param $moodMask i32) (param $moodWords i32) (param $text i32) (param $excluded i32)
    (param $eraTable i32) (param $originTable i32) (param $wantedMood i32) (param $found i32)
    (global.set $origin (local.get $origin))
    (global.set $valence (local.get $valence))
    (global.set $arousal (local.get $arousal))
    (global.set $hasAffect (local.get $hasAffect))
    (global.set $moodMask (local.get $moodMask))
    (global.set $moodWords (local.get $moodWords))
    (global.set $text (local.get $text))
    (global.set $excluded (local.get $excluded))
    (global.set $eraTable (local.get $eraTable))
    (global.set $originTable (local.get $originTable))
    (global.set $wantedMood (local.get $wantedMood))
    (global.set $found (local.get $found)))

  (func (export "prepare")
    (param $theme1 i32) (param $theme2 i32) (param $theme3 i32) (param $theme4 i32)
    (param $theme5 i32) (param $themesRest i32) (param $yearAt i32)
    (param $themeScale f64) (param $wText f64) (param $wMood f64)
    (param $sceneValence f64) (param $sceneArousal f64) (param $moodCount f64)
    (global.set $theme1 (local.get $theme1))
    (global.set $theme2 (local.get $theme2))
    (global.set $theme3 (local.get $theme3))
    (global.set $theme4 (local.get $theme4))
    (global.set $theme5 (local.get $theme5))
    (global.set $themesRest (local.get $themesRest))
    (global.set $yearAt (local.get $yearAt))
    (global.set $themeScale (local.get $themeScale))
    (global.set $wText (local.get $wText))
    (global.set $wMood (local.get $wMood))
    (global.set $sceneValence (local.get $sceneValence))
    (global.set $sceneArousal (local.get $sceneArousal))
    (global.set $moodCount (local.get $moodCount)))

  ;; The mood factor, weighted: 0.7 x closeness of the song's and the scene's points on the
  ;; valence/arousal plane (0 from distance 1.2 on) + 0.3 x the share of the scene's moods the
  ;; song has (mood-space.ts and factors.ts say the same).
  (func $mood (param $i i32) (result f64)
    (local $dv f64) (local $da f64) (local $shared i32) (local $w i32) (local $at i32)
    (local.set $dv
      (f64.sub
        (f64.promote_f32 (f32.load (i32.add (global.get $valence) (i32.shl (local.get $i) (i32.const 2)))))
        (global.get $sceneValence)))
    (local.set $da
      (f64.sub
        (f64.promote_f32 (f32.load (i32.add (global.get $arousal) (i32.shl (local.get $i) (i32.const 2)))))
        (global.get $sceneArousal)))
    (local.set $at
      (i32.add
        (global.get $moodMask)
        (i32.shl (i32.mul (local.get $i) (global.get $moodWords)) (i32.const 2))))
    (block $done
      (loop $word
        (br_if $done (i32.ge_u (local.get $w) (global.get $moodWords)))
        (local.set $shared
          (i32.add
            (local.get $shared)
            (i32.popcnt
              (i32.and
                (i32.load (i32.add (local.get $at) (i32.shl (local.get $w) (i32.const 2))))
                (i32.load (i32.add (global.get $wantedMood) (i32.shl (local.get $w) (i32.const 2))))))))
        (local.set $w (i32.add (local.get $w) (i32.const 1)))
        (br $word)))
    (f64.mul
      (global.get $wMood)
      (f64.add
        (f64.mul
          (f64.const 0.7)
          (f64.max
            (f64.const 0)
            (f64.sub
              (f64.const 1)
              (f64.div
                (f64.sqrt
                  (f64.add
                    (f64.mul (local.get $dv) (local.get $dv))
                    (f64.mul (local.get $da) (local.get $da))))
                (f64.const 1.2)))))
        (f64.div
          (f64.mul (f64.const 0.3) (f64.convert_i32_u (local.get $shared)))
          (global.get $moodCount)))))

  ;; Of the songs $lo .. $i - 1, the highest-placed one that is not excluded and whose score
  ;; reaches $threshold: returns its index and stores its score at $found; -1 when none does.
  ;; The mood factor, the costliest, is computed only for songs that reach the threshold without
  ;; it when it is at its largest.
  (func (export "next") (param $i i32) (param $lo i32) (param $threshold f64) (result i32)
    (local $s f64)
    (local $at2 i32)
    (block $none
      (loop $song
        (br_if $none (i32.le_s (local.get $i) (local.get $lo)))
        (local.set $i (i32.sub (local.get $i) (i32.const 1)))
        (local.set $at2 (i32.shl (local.get $i) (i32.const 1)))
        ;; themeScale * themes + era + origin + wText * text, in that order (as in JavaScript)
        (local.set $s
          (f64.add
            (f64.add
              (f64.add
                (f64.mul
                  (global.get $themeScale)
                  (f64.convert_i32_u
                    (i32.add
                      (i32.add
                        (i32.add
                          (i32.add
                            (i32.add
                              (i32.load8_u (i32.add (global.get $theme1) (local.get $i)))
                              (i32.load8_u (i32.add (global.get $theme2) (local.get $i))))
                            (i32.load8_u (i32.add (global.get $theme3) (local.get $i))))
                          (i32.load8_u (i32.add (global.get $theme4) (local.get $i))))
                        (i32.load8_u (i32.add (global.get $theme5) (local.get $i))))
                      (i32.load16_u (i32.add (global.get $themesRest) (local.get $at2))))))
                (f64.load
                  (i32.add
                    (global.get $eraTable)
                    (i32.shl
                      (i32.load16_u (i32.add (global.get $yearAt) (local.get $at2)))
                      (i32.const 3)))))
              (f64.load
                (i32.add
                  (global.get $originTable)
                  (i32.shl
                    (i32.load16_u (i32.add (global.get $origin) (local.get $at2)))
                    (i32.const 3)))))
            (f64.mul
              (global.get $wText)
              (f64.promote_f32
                (f32.load
                  (i32.add (global.get $text) (i32.shl (local.get $i) (i32.const 2))))))))
        (br_if $song
          (f64.lt (f64.add (local.get $s) (global.get $wMood)) (local.get $threshold)))
        (br_if $song (i32.load8_u (i32.add (global.get $excluded) (local.get $i))))
        (if
          (i32.and
            (f64.gt (global.get $wMood) (f64.const 0))
            (i32.load8_u (i32.add (global.get $hasAffect) (local.get $i))))
          (then (local.set $s (f64.add (local.get $s) (call $mood (local.get $i))))))
        ;; Below the threshold it could not enter the heap.
        (br_if $song (f64.lt (local.get $s) (local.get $threshold)))
        (f64.store (global.get $found) (local.get $s))
        (return (local.get $i))))
    (i32.const -1))

  ;; Adds a theme column (u8 per song at $column) into a sum (u16 per song at $sum), for songs
  ;; 0 .. $end - 1: how requests with more wanted themes than `next` reads directly are summed.
  (func (export "addColumn") (param $sum i32) (param $column i32) (param $end i32)
    (local $i i32) (local $at i32)
    (block $done
      (loop $song
        (br_if $done (i32.ge_s (local.get $i) (local.get $end)))
        (local.set $at (i32.add (local.get $sum) (i32.shl (local.get $i) (i32.const 1))))
        (i32.store16
          (local.get $at)
          (i32.add
            (i32.load16_u (local.get $at))
            (i32.load8_u (i32.add (local.get $column) (local.get $i)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $song)))))
