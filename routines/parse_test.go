package routines

import (
	"errors"
	"strings"
	"testing"
)

// validRoutine is a small routine that passes every rule; tests break one
// line of it at a time.
const validRoutine = `id: test-routine
title: Test routine
for: both
area: lumbar
position: Lie on your side.
prepare: [Warm your hands]
sources: ["001 Selfmassage with back pain"]
steps:
  - title: Stroking
    technique: stroking
    zone: lumbar
    duration: 2m
    intensity: gentle
    cue: Stroke down towards the coccyx.
  - title: Rubbing
    technique: rubbing
    zone: paravertebral
    duration: 1m
    intensity: moderate
    cue: Rub in small circles.
    passes: [15, 20]
    tempo: 3s
    switch_sides: true
  - title: Closing
    technique: stroking
    zone: lumbar
    duration: 30s
    intensity: gentle
    cue: Stroke lightly.
aftercare: {rest: 12m, advice: Rest.}
`

func TestParseValidRoutine(t *testing.T) {
	t.Parallel()
	r, err := Parse("t.yaml", []byte(validRoutine))
	if err != nil {
		t.Fatal(err)
	}
	if r.ID != "test-routine" || len(r.Steps) != 3 || r.Total().String() != "3m30s" {
		t.Fatalf("unexpected routine %+v", r)
	}
	s := r.Steps[1]
	if s.Passes == nil || s.Passes.Min != 15 || s.Passes.Max != 20 || s.Tempo.String() != "3s" || !s.SwitchSides {
		t.Fatalf("step 2 decoded wrong: %+v", s)
	}
	if r.Aftercare.Rest.String() != "12m0s" || r.Aftercare.Advice != "Rest." {
		t.Fatalf("aftercare decoded wrong: %+v", r.Aftercare)
	}
	if r.Intensity() != Moderate || r.Gentle() {
		t.Fatalf("intensity = %s, gentle = %v", r.Intensity(), r.Gentle())
	}
}

func TestDefaultRest(t *testing.T) {
	t.Parallel()
	src := strings.Replace(validRoutine, "aftercare: {rest: 12m, advice: Rest.}\n", "", 1)
	r, err := Parse("t.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if r.Aftercare.Rest != DefaultRest {
		t.Fatalf("rest = %s, want %s", r.Aftercare.Rest, DefaultRest)
	}
}

// edit replaces one exact line of validRoutine (which must be there).
func edit(t *testing.T, old, new string) string {
	t.Helper()
	if !strings.Contains(validRoutine, old) {
		t.Fatalf("test setup: %q not in the routine", old)
	}
	return strings.Replace(validRoutine, old, new, 1)
}

func TestParseErrorsPointAtTheLine(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, old, new string
		line           int
		want           string
	}{
		// Schema errors.
		{"unknown top-level key", "title: Test routine\n", "title: Test routine\ncolour: red\n", 3, `unknown key "colour" in the routine; valid keys: id, title`},
		{"unknown step key", "    cue: Rub in small circles.\n", "    cue: Rub in small circles.\n    speed: fast\n", 21, `unknown key "speed" in step 2`},
		{"unknown aftercare key", "aftercare: {rest: 12m, advice: Rest.}", "aftercare: {rest: 12m, nap: 2m}", 30, `unknown key "nap" in aftercare; valid keys: rest, advice`},
		{"duplicate key", "for: both\n", "for: both\nfor: partner\n", 4, `mapping key "for" already defined`},
		{"bad audience", "for: both", "for: everyone", 3, `for "everyone" is not one of: self, partner, both`},
		{"bad area", "area: lumbar", "area: neck", 4, `area "neck" is not one of: back, lumbar`},
		{"bad technique", "    technique: rubbing", "    technique: slapping", 16, `step 2 technique "slapping" is not one of: stroking, deep-stroking`},
		{"bad zone", "    zone: paravertebral", "    zone: shoulder", 17, `step 2 zone "shoulder" is not one of: collar, upper-back, back`},
		{"bad intensity", "    intensity: moderate", "    intensity: hard", 19, `step 2 intensity "hard" is not one of: gentle, moderate, firm`},
		{"bad duration", "    duration: 1m\n", "    duration: 1 minute\n", 18, `step 2 duration "1 minute" is not a duration; write it like 45s, 2m or 1m30s`},
		{"bad passes", "passes: [15, 20]", "passes: [15]", 21, "passes must be a range of two whole numbers"},
		{"passes reversed", "passes: [15, 20]", "passes: [20, 15]", 21, "the smaller number comes first"},
		{"bad switch_sides", "switch_sides: true", "switch_sides: maybe", 23, "switch_sides must be true or false"},
		{"steps not a list", "steps:\n", "steps: many\nx:\n", 8, "steps must be a list"},
		{"missing title", "title: Test routine\n", "", 1, `missing "title"`},
		{"missing step technique", "    technique: rubbing\n", "", 15, `step 2 has no "technique"`},
		{"not yaml", "title: Test routine", "title: Test: routine", 2, "not valid YAML"},
		// Rules beyond the schema.
		{"bad id", "id: test-routine", "id: Test_Routine", 1, "id \"Test_Routine\" must be lowercase letters, digits and single dashes"},
		{"step too short", "    duration: 30s", "    duration: 4s", 27, "step 3 lasts 4 s, outside 5 s to 20 min"},
		{"step too long", "    duration: 2m\n", "    duration: 21m\n", 12, "step 1 lasts 21 min, outside 5 s to 20 min"},
		{"missing cue", "    cue: Rub in small circles.\n", "", 15, "step 2 needs a cue"},
		{"empty cue", "    cue: Rub in small circles.", "    cue: \"\"", 20, "step 2 needs a cue"},
		{"begins without stroking", "    technique: stroking\n    zone: lumbar\n    duration: 2m", "    technique: rubbing\n    zone: lumbar\n    duration: 2m", 10, "a routine begins with stroking (“Therapeutic back massage” and “Massage for back pain”), but step 1 is rubbing"[:30]},
		{"ends without stroking or patting", "    technique: stroking\n    zone: lumbar\n    duration: 30s", "    technique: kneading\n    zone: lumbar\n    duration: 30s", 25, "a routine ends with stroking or patting (“Therapeutic back massage” and “Massage for back pain”), but step 3 is kneading"},
		{"back routine over 15 minutes", "area: lumbar", "area: back", 8, "a back routine lasts at most 15 min (“Therapeutic back massage”), but these steps add up to 18 min 30 s"},
		{"spine zone", "    zone: paravertebral", "    zone: spine", 17, "massage never works on the spinal column itself"},
		{"kneading marked gentle", "    technique: rubbing\n    zone: paravertebral\n    duration: 1m\n    intensity: moderate", "    technique: kneading\n    zone: paravertebral\n    duration: 1m\n    intensity: gentle", 19, "step 2: kneading is never gentle"},
		{"tempo longer than step", "tempo: 3s", "tempo: 2m", 22, "longer than the step itself"},
		{"rest too long", "rest: 12m", "rest: 45m", 30, "aftercare rest is at most 30 min"},
		{"bad side", "    switch_sides: true", "    side: middle", 23, `step 2 side "middle" is not one of: first, second`},
		{"side and switch_sides", "    switch_sides: true", "    switch_sides: true\n    side: first", 24, "step 2 both works one side (side: first) and switches sides at half time"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			src := edit(t, tc.old, tc.new)
			if tc.name == "back routine over 15 minutes" {
				src = strings.Replace(src, "    duration: 2m\n", "    duration: 17m\n", 1)
			}
			_, err := Parse("r.yaml", []byte(src))
			var fe *FileError
			if !errors.As(err, &fe) {
				t.Fatalf("want a *FileError, got %v", err)
			}
			for _, p := range fe.Problems {
				if strings.Contains(p.Msg, tc.want) {
					if p.Line != tc.line {
						t.Fatalf("%q reported at line %d, want %d", p.Msg, p.Line, tc.line)
					}
					if !strings.HasPrefix(p.Error(), "r.yaml:") {
						t.Fatalf("error %q does not start with FILE:LINE", p.Error())
					}
					return
				}
			}
			t.Fatalf("no problem containing %q in:\n%v", tc.want, err)
		})
	}
}

func TestLumbarRoutineOver40Minutes(t *testing.T) {
	t.Parallel()
	src := edit(t, "    duration: 2m\n", "    duration: 19m\n")
	src = strings.Replace(src, "    duration: 1m\n", "    duration: 20m\n", 1)
	src = strings.Replace(src, "    duration: 30s\n", "    duration: 2m\n", 1)
	_, err := Parse("r.yaml", []byte(src))
	if err == nil || !strings.Contains(err.Error(), "r.yaml:8: a lumbar routine lasts at most 40 min (“Massage for back pain”), but these steps add up to 41 min") {
		t.Fatalf("got %v", err)
	}
}

func TestTappingAndPattingAreNeverGentle(t *testing.T) {
	t.Parallel()
	for _, tech := range []string{"tapping", "patting"} {
		src := edit(t, "    technique: rubbing\n    zone: paravertebral\n    duration: 1m\n    intensity: moderate",
			"    technique: "+tech+"\n    zone: paravertebral\n    duration: 1m\n    intensity: gentle")
		_, err := Parse("r.yaml", []byte(src))
		if err == nil || !strings.Contains(err.Error(), "r.yaml:19: step 2: "+tech+" is never gentle") {
			t.Errorf("%s: got %v", tech, err)
		}
	}
}

func TestEmptyAndMultiDocumentFiles(t *testing.T) {
	t.Parallel()
	if _, err := Parse("e.yaml", nil); err == nil || !strings.Contains(err.Error(), "e.yaml: file is empty") {
		t.Errorf("empty: %v", err)
	}
	if _, err := Parse("e.yaml", []byte("# only a comment\n")); err == nil {
		t.Error("comment-only file accepted")
	}
	if _, err := Parse("m.yaml", []byte(validRoutine+"---\nid: other\n")); err == nil || !strings.Contains(err.Error(), "m.yaml:32: a routine file holds one routine") {
		t.Errorf("two documents: %v", err)
	}
	if _, err := Parse("l.yaml", []byte("- a\n- b\n")); err == nil || !strings.Contains(err.Error(), "l.yaml:1: the routine must be a mapping") {
		t.Errorf("list: %v", err)
	}
}

func TestParseCleansEscapeSequences(t *testing.T) {
	t.Parallel()
	src := edit(t, "Rub in small circles.", "\"Rub \\e]52;c;ZXZpbA==\\a in \\e[2J\\e[Hcircles.\\u009b31m\"")
	r, err := Parse("r.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if got := r.Steps[1].Cue; got != "Rub in circles." {
		t.Fatalf("cue = %q", got)
	}
}

func TestClean(t *testing.T) {
	t.Parallel()
	cases := map[string]string{
		"plain text":                      "plain text",
		"a\x1b]52;c;ZXZpbA==\x07b":        "ab",
		"a\x1b]8;;http://x\x1b\\link":     "alink",
		"bell\x07 and\x1b[31m red\x1b[0m": "bell and red",
		"line\nbreak\ttab":                "line break tab",
		"\x1bc reset":                     "reset",
		"c1 \u009b2J csi":                 "c1 csi",
		"bidi \u202eevil":                 "bidi evil",
		"unterminated \x1b]52;c;abc":      "unterminated",
		"emoji 👩\u200d⚕️ stays":           "emoji 👩\u200d⚕️ stays",
		"trailing esc\x1b":                "trailing esc",
		"invalid \xff utf8":               "invalid utf8",
	}
	for in, want := range cases {
		if got := Clean(in); got != want {
			t.Errorf("Clean(%q) = %q, want %q", in, got, want)
		}
	}
}

// A file's problems all show in one pass, schema and rules together, and a
// wrong value is one problem, not two.
func TestEveryProblemInOnePass(t *testing.T) {
	t.Parallel()
	data := "id: x\ntitle: X\nfor: me\narea: lumbar\nposition: lying\nsteps:\n  - title: Stroke\n    technique: stroking\n    duration: 2 minutes\n    intensity: gentle\n    cue: stroke\n    zone: upper-back\n"
	_, err := Parse("r.yaml", []byte(data))
	var fe *FileError
	if !errors.As(err, &fe) {
		t.Fatalf("err %v", err)
	}
	var lines []string
	for _, p := range fe.Problems {
		lines = append(lines, p.Error())
	}
	got := strings.Join(lines, "\n")
	for _, want := range []string{`r.yaml:3: for "me" is not one of`, `r.yaml:9: step 1 duration "2 minutes" is not a duration`, "r.yaml:4: area: lumbar, but no step works the lumbar"} {
		if !strings.Contains(got, want) {
			t.Errorf("lacks %q:\n%s", want, got)
		}
	}
	if n := strings.Count(got, "r.yaml:3:"); n != 1 {
		t.Errorf("for: me gives %d problems:\n%s", n, got)
	}
}

// A step written on one line ({...}) with two mistakes, one a bad value
// and one against a rule, gives both.
func TestTwoMistakesOnOneLineGiveTwoProblems(t *testing.T) {
	t.Parallel()
	data := "id: x\ntitle: X\nfor: self\narea: lumbar\nposition: lying\nsteps:\n" +
		"  - {title: Stroke, technique: stroking, zone: lumbar, duration: 90m, intensity: strong, cue: Stroke.}\n"
	_, err := Parse("r.yaml", []byte(data))
	var fe *FileError
	if !errors.As(err, &fe) {
		t.Fatalf("err %v", err)
	}
	var got []string
	for _, p := range fe.Problems {
		got = append(got, p.Error())
	}
	all := strings.Join(got, "\n")
	for _, want := range []string{`r.yaml:7: step 1 intensity "strong" is not one of`, "r.yaml:7: step 1 lasts 90 min, outside 5 s to 20 min"} {
		if !strings.Contains(all, want) {
			t.Errorf("lacks %q:\n%s", want, all)
		}
	}
}
