package routines

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// Each file in testdata/refused breaks one safety rule; its first line says
// where and why: "# want LINE: message".
var wantLine = regexp.MustCompile(`^# want (\d+): (.+)\n`)

func TestRefusedFilesNameTheLineAndTheReason(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob("testdata/refused/*.yaml")
	if err != nil || len(files) < 10 {
		t.Fatalf("test files: %v %v", files, err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		m := wantLine.FindSubmatch(data)
		if m == nil {
			t.Fatalf("%s: no # want line", f)
		}
		line, _ := strconv.Atoi(string(m[1]))
		want := fmt.Sprintf("%s:%d: %s", f, line, m[2])
		_, err = ReadFile(f)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s:\n got: %v\nwant: %s", f, err, want)
		}
	}
}

// partnerRoutine passes every rule; the cases below change one step.
const partnerRoutine = `id: partner-test
title: Partner test
for: partner
area: back
position: Face down.
steps:
  - {title: Stroking, technique: stroking, zone: back, duration: 2m, intensity: gentle, cue: Stroke lightly.}
  - {title: Middle, technique: TECH, zone: ZONE, duration: 1m, intensity: INTENSITY, cue: "CUE"}
  - {title: Closing, technique: stroking, zone: back, duration: 1m, intensity: gentle, cue: Stroke lightly.}
`

func middle(tech, zone, intensity, cue string) string {
	return strings.NewReplacer("TECH", tech, "ZONE", zone, "INTENSITY", intensity, "CUE", cue).Replace(partnerRoutine)
}

func TestSafetyRules(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, src string
		want      string // "" when the routine is valid
	}{
		{"light stroking is gentle", middle("stroking", "upper-back", "gentle", "Stroke."), ""},
		{"light rubbing is gentle", middle("rubbing", "paravertebral", "gentle", "Rub lightly."), ""},
		{"rest is gentle", middle("rest", "back", "gentle", "Rest your hands."), ""},
		{"deep stroking is not", middle("deep-stroking", "back", "gentle", "Stroke."), "r.yaml:8: step 2: deep-stroking is never gentle"},
		{"squeezing is not", middle("squeezing", "back", "gentle", "Squeeze."), "step 2: squeezing is never gentle"},
		{"pressure is not", middle("pressure", "back", "gentle", "Press."), "step 2: pressure is never gentle"},
		{"kneading is not", middle("kneading", "back", "gentle", "Knead."), "step 2: kneading is never gentle"},
		{"vibration is not", middle("vibration", "back", "gentle", "Shake."), "step 2: vibration is never gentle"},
		{"shaking is not", middle("shaking", "back", "gentle", "Shake."), "step 2: shaking is never gentle"},
		{"patting is not", middle("patting", "upper-back", "gentle", "Pat."), "step 2: patting is never gentle"},
		{"beating is not", middle("beating", "upper-back", "gentle", "Beat."), "step 2: beating is never gentle"},
		{"hacking is not", middle("hacking", "upper-back", "gentle", "Hack."), "step 2: hacking is never gentle"},
		{"fists are not", middle("rubbing", "upper-back", "gentle", "Rub with your fists."), `r.yaml:8: step 2: its cue asks for force ("fists"), which is never gentle`},
		{"knuckles are not", middle("stroking", "upper-back", "gentle", "Glide the knuckles down."), `its cue asks for force ("knuckles")`},
		{"an elbow is not", middle("stroking", "upper-back", "gentle", "Glide with your elbow."), `its cue asks for force ("elbow")`},
		{"a forearm is not", middle("stroking", "lumbar", "gentle", "Stroke with your forearm, leaning in."), `its cue asks for force ("forearm")`},
		{"pressure in a stroking cue", middle("stroking", "lumbar", "gentle", "Press hard with your whole body weight and shake the muscles vigorously."), `its cue asks for force ("press")`},
		{"kneading in a stroking cue", middle("stroking", "lumbar", "gentle", "Knead the muscles deeply and squeeze them."), `its cue asks for force ("knead")`},
		{"tapping in a stroking cue", middle("stroking", "lumbar", "gentle", "Tap and hack the lower back quickly."), `its cue asks for force ("tap")`},
		{"force in the title", strings.Replace(middle("stroking", "lumbar", "gentle", "Stroke."), "title: Middle", "title: Deep squeeze", 1), `its title asks for force ("deep")`},
		{"no pressure is gentle", middle("stroking", "lumbar", "gentle", "With relaxed hands and no pressure, stroke slowly. Never press on the spine."), ""},
		{"without kneading is gentle", middle("rubbing", "lumbar", "gentle", "Rub lightly, without kneading or squeezing."), ""},
		{"fists may be moderate", middle("rubbing", "upper-back", "moderate", "Rub with your fists."), ""},
		{"patting the upper back", middle("patting", "upper-back", "moderate", "Pat."), ""},
		{"patting the collar", middle("patting", "collar", "moderate", "Pat."), ""},
		{"patting the buttocks", middle("patting", "gluteal", "moderate", "Pat."), ""},
		{"tapping the lumbar zone", middle("tapping", "lumbar", "moderate", "Tap."), "r.yaml:8: step 2: no tapping on the lumbar zone"},
		{"patting the sacrum", middle("patting", "lumbosacral", "moderate", "Pat."), "step 2: no patting on the lumbosacral zone"},
		{"beating the whole back", middle("beating", "back", "moderate", "Beat."), "step 2: no beating on the back zone"},
		{"hacking beside the spine", middle("hacking", "paravertebral", "moderate", "Hack."), "step 2: no hacking on the paravertebral zone"},
		{"self on the upper back", strings.Replace(middle("stroking", "upper-back", "gentle", "Stroke."), "for: partner", "for: self", 1), "r.yaml:7: step 1 works the back zone, which a person cannot reach on their own back"},
		{"self beside the whole spine", strings.NewReplacer("for: partner", "for: self", "zone: back", "zone: lumbar").Replace(middle("stroking", "paravertebral", "gentle", "Stroke.")), "r.yaml:8: step 2 works the paravertebral zone, which a person cannot reach"},
		{"self beside the spine in a lumbar routine", strings.NewReplacer("for: partner", "for: self", "area: back", "area: lumbar", "zone: back", "zone: lumbar").Replace(middle("stroking", "paravertebral", "gentle", "Stroke.")), "step 2 works the paravertebral zone, which a person cannot reach"},
		{"self on the collar and buttocks", strings.NewReplacer("for: partner", "for: self", "zone: back", "zone: gluteal").Replace(middle("stroking", "collar", "gentle", "Stroke.")), ""},
		{"both may work the upper back", strings.Replace(middle("stroking", "upper-back", "gentle", "Stroke."), "for: partner", "for: both", 1), ""},
		{"lumbar area off the lower back", strings.Replace(middle("stroking", "upper-back", "gentle", "Stroke."), "area: back", "area: lumbar", 1), "r.yaml:4: area: lumbar, but no step works the lumbar or lumbosacral zone (the steps work: back, upper-back); put a step on the lower back, or declare area: back"},
		{"lumbar area with one lumbar step", strings.Replace(middle("stroking", "lumbar", "gentle", "Stroke."), "area: back", "area: lumbar", 1), ""},
	}
	for _, tc := range cases {
		_, err := Parse("r.yaml", []byte(tc.src))
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%s: refused: %v", tc.name, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%s:\n got: %v\nwant: %s", tc.name, err, tc.want)
		}
	}
}

// A lumbar routine may spend some time on the back, but not more than a
// back routine may in all; beside the spine counts, as it runs the whole
// back.
func TestLumbarRoutineKeepsTheBackLimit(t *testing.T) {
	t.Parallel()
	src := strings.NewReplacer("area: back", "area: lumbar", "duration: 2m", "duration: 16m").Replace(middle("stroking", "lumbar", "gentle", "Stroke."))
	_, err := Parse("r.yaml", []byte(src))
	var fe *FileError
	para := strings.NewReplacer("area: back", "area: lumbar", "zone: back", "zone: paravertebral").Replace(middle("stroking", "lumbar", "gentle", "Stroke.")) + "  - {title: More, technique: rubbing, zone: paravertebral, duration: 13m, intensity: moderate, cue: Rub.}\n  - {title: End, technique: stroking, zone: lumbar, duration: 1m, intensity: gentle, cue: Stroke.}\n"
	if _, perr := Parse("p.yaml", []byte(para)); perr == nil || !strings.Contains(perr.Error(), "p.yaml:6: these steps spend 16 min above the lower back (paravertebral)") {
		t.Errorf("paravertebral time: %v", perr)
	}
	if !errors.As(err, &fe) || !strings.Contains(err.Error(), "r.yaml:6: these steps spend 17 min above the lower back (back), but a back massage lasts at most 15 min") {
		t.Fatalf("got %v", err)
	}
}

func TestPassTargetMustFitTheStep(t *testing.T) {
	t.Parallel()
	fits := edit(t, "passes: [15, 20]", "passes: [15, 20]") // 20 × 3 s = 60 s: fits a 1 min step
	if _, err := Parse("r.yaml", []byte(fits)); err != nil {
		t.Fatalf("a target that fits was refused: %v", err)
	}
	tooMany := edit(t, "passes: [15, 20]", "passes: [20, 21]")
	_, err := Parse("r.yaml", []byte(tooMany))
	if err == nil || !strings.Contains(err.Error(), "r.yaml:21: step 2: 21 passes at 3 s a pass take 1 min 3 s, but the step lasts 1 min; lower the passes to at most 20 or lengthen the step") {
		t.Fatalf("got %v", err)
	}
	// Without a tempo, the technique's fastest usual pace decides: deep
	// stroking at 30 a minute holds 60 passes in 2 minutes.
	noTempo := strings.Replace(middle("deep-stroking", "back", "moderate", "Stroke slowly."), "duration: 1m, ", "duration: 2m, passes: [999, 1000], ", 1)
	if _, err := Parse("r.yaml", []byte(noTempo)); err == nil || !strings.Contains(err.Error(), "step 2: 1000 passes of deep-stroking do not fit in 2 min even at its fastest usual pace (60); lower the passes to at most 60") {
		t.Fatalf("no tempo: %v", err)
	}
	if _, err := Parse("r.yaml", []byte(strings.Replace(noTempo, "[999, 1000]", "[50, 60]", 1))); err != nil {
		t.Fatalf("60 passes in 2 min refused: %v", err)
	}
	// A tempo longer than the step has its own error, not "at most 0".
	slow := edit(t, "tempo: 3s", "tempo: 2m")
	if _, err := Parse("r.yaml", []byte(slow)); err == nil || strings.Contains(err.Error(), "at most 0") {
		t.Fatalf("got %v", err)
	}
}

func TestWorksLowerBackFollowsTheZones(t *testing.T) {
	t.Parallel()
	for zone, want := range map[Zone]bool{
		ZoneLumbar: true, ZoneLumbosacral: true, ZoneBack: true, ZoneParavertebral: true,
		ZoneUpperBack: false, ZoneCollar: false, ZoneGluteal: false,
	} {
		r := &Routine{Area: AreaBack, Steps: []Step{{Zone: ZoneUpperBack}, {Zone: zone}}}
		if got := r.WorksLowerBack(); got != want {
			t.Errorf("a back routine with a step on %s: works the lower back = %v", zone, got)
		}
	}
}

func TestGentleLabelIsNotEnough(t *testing.T) {
	t.Parallel()
	// Built in code, past validation: the label alone still does not make
	// the routine gentle.
	r := &Routine{Steps: []Step{
		{Technique: Stroking, Intensity: Gentle},
		{Technique: Pressure, Intensity: Gentle, Cue: "Press with the elbow."},
	}}
	if r.Gentle() || r.Intensity() != Moderate {
		t.Fatalf("gentle = %v, intensity = %s", r.Gentle(), r.Intensity())
	}
}

// The words of a gentle step may not ask for force, however they put it;
// a negation counts only within its clause.
func TestGentleWordsAskNoForce(t *testing.T) {
	t.Parallel()
	refused := []string{
		"Dig your thumbs in beside the spine and lean into it; grind slowly, wring and pummel the muscle.",
		"Lean into it.", "Push into the muscle as much as they can take.", "Strongly stroke down.",
		"Stroke with all your strength.", "Put your whole bodyweight on the hands.", "Put your whole body weight on it.",
		"Compress the muscle.", "Squash the muscle.", "Pinch the muscle.", "Stroke heavily.",
		"Hit with the edge of the palm.", "Strike lightly.", "Punch softly.", "Thump the lower back.",
		"Crack the back.", "Manipulate the vertebrae.", "Walk on the back.", "Kneel on the back.",
		"Firmer each pass.", "Deeper each pass.", "Weighted strokes.", "Pressed.", "Shook.", "Vibrations.",
		"Chops.", "Drums.", "Pounds.", "Slaps.", "Twists.", "Fisted hands.", "Use your elb0w.",
		"Préss down.", "Ｐｒｅｓｓ down with the ｅｌｂｏｗ.", "Рress down.",
		"No. Press hard.", "Never mind, press down.", "Not now; press down.", "Without hesitation, press hard.",
		"Avoid being gentle: press.", "Stroke; no pain, press hard.", "Never stop pressing.",
		"Jiggle and wobble the muscles.", "Bounce it quickly.", "Sink your thumbs 3 cm into the muscle.",
		"Rub until it really hurts.", "Use a massage gun on the lower back.",
	}
	for _, cue := range refused {
		src := strings.Replace(middle("stroking", "lumbar", "gentle", strings.ReplaceAll(cue, `"`, `'`)), "area: back", "area: lumbar", 1)
		if _, err := Parse("r.yaml", []byte(src)); err == nil || !strings.Contains(err.Error(), "asks for force") {
			t.Errorf("%q: got %v", cue, err)
		}
	}
	accepted := []string{
		"With relaxed hands and no pressure, stroke slowly. Never press on the spine.",
		"Without any pressure or force, stroke slowly.", "Never press, tap or knead the spine.",
		"Stroke lightly and never use your elbows or fists.", "Stroke lightly, never with fists, knuckles or elbows.",
		"Stroke lightly with zero pressure.", "Stroke lightly, free of pressure.", "Stroke lightly, pressure-free.",
		"Stroke lightly. Pressure: none.", "Let the weight of your relaxed hands rest on the back.",
		"Stroke the hard-to-reach areas lightly.", "Follow the pattern of the muscles, patiently.",
		"Rest your warm hands on the lower back while your partner breathes deeply and slowly.",
		"Lay the warm compress on the lower back.", "Make sure the mattress is firm enough, then stroke lightly.",
		"Stroke with hardly any pressure, as light as a feather.", "If it hurts, or feels too hard, stop and ask.",
		"If your partner says it feels firm, go lighter.", "Then gently pat the skin dry with a towel.",
		"Don’t press.", "You don't need to press at all.", "You shouldn't press at all.", "There is no need to press.",
		"Neither press nor knead.", "Never, ever press.", "It should never feel hard or firm.",
		"Press pause if the phone rings.", "Take the compress away and stroke lightly.",
		"Let your weight sink into the mat and stroke lightly.", "Rub in small light circles. Avoid deep or firm pressure; never tap the lower back.",
	}
	for _, cue := range accepted {
		src := strings.Replace(middle("stroking", "lumbar", "gentle", cue), "area: back", "area: lumbar", 1)
		if _, err := Parse("r.yaml", []byte(src)); err != nil {
			t.Errorf("%q refused: %v", cue, err)
		}
	}
}

// The words of a step count for the places rules too: percussion named in
// a cue, the lower back named on a gluteal step, the shoulder blades in a
// self-massage.
func TestWordsCountForThePlaceRules(t *testing.T) {
	t.Parallel()
	cases := []struct{ name, src, want string }{
		{"beating in a stroking cue on the loin", middle("stroking", "lumbar", "moderate", "Beat the lower back with your fists."), `no "beat" on the lumbar zone`},
		{"patting the upper back down to the kidneys", middle("patting", "upper-back", "moderate", "Pat from the shoulder blades down over the waist and the kidneys."), `no patting on "waist"`},
		{"patting the upper back, never the loin", middle("patting", "upper-back", "moderate", "Pat between the shoulder blades, never over the lower back."), ""},
		{"patting well above the waist", middle("patting", "upper-back", "moderate", "Pat lightly between the shoulder blades, keeping well above the waist."), ""},
		{"patting away from the kidneys", middle("patting", "upper-back", "moderate", "Pat lightly; stay away from the kidneys and the lower back."), ""},
		{"knocking on the small of the back", middle("rubbing", "gluteal", "moderate", "Knock on the small of the back with loose fists."), `r.yaml:8: step 2: no "knock" on "small of the back"`},
		{"bouncing cupped hands on the loin", middle("rubbing", "lumbar", "moderate", "Cup the hands and bounce them rhythmically on the lower back, like rain."), `no "bounce" on the lumbar zone`},
		{"beating down to the hips", middle("beating", "upper-back", "moderate", "Beat with the fists down the back to the hips."), `no beating on "hips"`},
		{"smacking the loin", middle("vibration", "lumbar", "moderate", "Smack and whack the lower back."), `no "smack" on the lumbar zone`},
		{"the spine itself", middle("stroking", "back", "gentle", "Stroke the spine itself, right on the vertebrae."), `its cue names "spine itself", but massage never works on the spinal column itself`},
		{"keeping off the spine", middle("rubbing", "back", "moderate", "Rub beside the spine; keep off the spine itself."), ""},
		{"a rest with passes", strings.Replace(middle("rest", "back", "gentle", "Rest your hands."), "duration: 1m, ", "duration: 1m, passes: [10, 12], ", 1), "step 2 is a rest: it has no passes to count"},
		{"self on the collar to the shoulder blade", strings.NewReplacer("for: partner", "for: self", "zone: back", "zone: collar").Replace(middle("stroking", "collar", "gentle", "Stroke from the neck down towards the top of the shoulder blade, as far as you comfortably reach.")), ""},
		{"self between the scapulae", strings.NewReplacer("for: partner", "for: self", "zone: back", "zone: lumbar").Replace(middle("stroking", "collar", "gentle", "Reach over your shoulder and stroke between your scapulae.")), `works "between your scapulae"`},
		{"self on the mid-back", strings.NewReplacer("for: partner", "for: self", "zone: back", "zone: lumbar").Replace(middle("stroking", "lumbar", "gentle", "Reach up behind you to the mid-back.")), `works "mid back"`},
		{"self reaching the shoulder blades", strings.NewReplacer("for: partner", "for: self", "zone: back", "zone: lumbar").Replace(middle("stroking", "collar", "gentle", "Reach over your shoulder and stroke between your shoulder blades.")), `step 2 works "between your shoulder blades", which a person cannot reach`},
	}
	for _, tc := range cases {
		_, err := Parse("r.yaml", []byte(tc.src))
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%s: refused: %v", tc.name, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%s:\n got: %v\nwant: %s", tc.name, err, tc.want)
		}
	}
	gluteal := &Routine{Area: AreaBack, Steps: []Step{{Zone: ZoneGluteal, Cue: "Stroke the buttocks lightly, and the lower back above them."}}}
	if !gluteal.WorksLowerBack() {
		t.Error("a gluteal step that names the lower back does not count as working it")
	}
	lumbar := strings.NewReplacer("area: back", "area: lumbar", "zone: back", "zone: lumbar").Replace(middle("kneading", "gluteal", "moderate", "Knead the whole length of the spine, neck to sacrum."))
	lumbar = strings.Replace(lumbar, "duration: 1m", "duration: 16m", 1)
	if _, err := Parse("r.yaml", []byte(lumbar)); err == nil || !strings.Contains(err.Error(), "above the lower back (length of the spine)") {
		t.Errorf("a gluteal step on the whole spine in a lumbar routine: %v", err)
	}
}
