;; The inner loop of ranking (see ../scan.ts), in WebAssembly: V8 checks the bounds of every
;; typed-array read in JavaScript, and at ten reads per song that check was most of the cost of a
;; scan; here memory reads are unchecked (the memory's guard pages make them safe).
;;
;; `next` walks songs downward and stops at the first one that could still enter the top k. The
;; JavaScript side then adds the mood factor, offers the song to the heap and calls `next` again
;; with the raised threshold. The arithmetic is done in the same order as the JavaScript factor
;; formulas, in 64-bit floats, so scores are bit for bit the same.
;;
;; All addresses are byte offsets into the one imported memory, laid out by ../scan-kernel.ts.
(module
  (import "env" "memory" (memory 1))

  ;; Set once per scan (and per part of it) by `prepare`.
  (global $theme1 (mut i32) (i32.const 0))      ;; u8 per song: first wanted theme, hundredths
  (global $theme2 (mut i32) (i32.const 0))      ;; u8 per song: second wanted theme
  (global $theme3 (mut i32) (i32.const 0))      ;; u8 per song: third wanted theme
  (global $theme4 (mut i32) (i32.const 0))      ;; u8 per song: fourth wanted theme
  (global $theme5 (mut i32) (i32.const 0))      ;; u8 per song: fifth wanted theme
  (global $themesRest (mut i32) (i32.const 0))  ;; u16 per song: sum of the other wanted themes
  (global $yearAt (mut i32) (i32.const 0))      ;; u16 per song: recording year - first year
  (global $origin (mut i32) (i32.const 0))      ;; u16 per song: (country, language) pair
  (global $eraTable (mut i32) (i32.const 0))    ;; f64 per year: weighted era factor
  (global $originTable (mut i32) (i32.const 0)) ;; f64 per pair: weighted origin factor
  (global $text (mut i32) (i32.const 0))        ;; f32 per song: text relevance
  (global $excluded (mut i32) (i32.const 0))    ;; u8 per song: 1 to leave out
  (global $found (mut i32) (i32.const 0))       ;; f64: the score of the song `next` returns
  (global $themeScale (mut f64) (f64.const 0))
  (global $wText (mut f64) (f64.const 0))
  (global $wMood (mut f64) (f64.const 0))

  (func (export "prepare")
    (param $theme1 i32) (param $theme2 i32) (param $theme3 i32) (param $theme4 i32)
    (param $theme5 i32) (param $themesRest i32)
    (param $yearAt i32) (param $origin i32) (param $eraTable i32) (param $originTable i32)
    (param $text i32) (param $excluded i32) (param $found i32)
    (param $themeScale f64) (param $wText f64) (param $wMood f64)
    (global.set $theme1 (local.get $theme1))
    (global.set $theme2 (local.get $theme2))
    (global.set $theme3 (local.get $theme3))
    (global.set $theme4 (local.get $theme4))
    (global.set $theme5 (local.get $theme5))
    (global.set $themesRest (local.get $themesRest))
    (global.set $yearAt (local.get $yearAt))
    (global.set $origin (local.get $origin))
    (global.set $eraTable (local.get $eraTable))
    (global.set $originTable (local.get $originTable))
    (global.set $text (local.get $text))
    (global.set $excluded (local.get $excluded))
    (global.set $found (local.get $found))
    (global.set $themeScale (local.get $themeScale))
    (global.set $wText (local.get $wText))
    (global.set $wMood (local.get $wMood)))

  ;; Of the songs $lo .. $i - 1, the highest-placed one whose score without mood, plus the
  ;; largest mood contribution, reaches $threshold, and that is not excluded: returns its index
  ;; and stores its score at $found; -1 when there is none.
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
        (f64.store (global.get $found) (local.get $s))
        (return (local.get $i))))
    (i32.const -1)))
