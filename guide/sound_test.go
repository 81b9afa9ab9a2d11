package guide

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"knead/coach"
	"knead/routines"
	"knead/screening"
	"knead/sound"
	"knead/voice"
)

// fakeTones starts the tones with a player script that logs the cue of
// each file it is asked to play, then runs extra. It runs through sh: a
// file just written and exec'd while a parallel test forks fails with
// "text file busy".
func fakeTones(t *testing.T, extra string) (*sound.Out, string) {
	t.Helper()
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skip("no sh for a fake player")
	}
	dir := t.TempDir()
	log, script := filepath.Join(dir, "played"), filepath.Join(dir, "player")
	body := "basename \"$1\" .wav >> '" + log + "'\n" + extra + "\n"
	if err := os.WriteFile(script, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := sound.Open(sound.NewPlayer(sh, script))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(out.Close)
	return out, log
}

// A rehearsal plays a tone for each moment, in order: each step starts,
// has ten seconds left, ends and asks about the pain (which a rehearsal
// answers itself); the end of the massage and the end of the session, after
// the final pain question, have their own sound.
func TestARehearsalPlaysItsCuesInOrder(t *testing.T) {
	t.Parallel()
	tones, log := fakeTones(t, "")
	lib, _ := routines.BuiltIn()
	clock := &testClock{now: testStart}
	f, err := New(Options{Library: lib, Questions: screening.Default(), Clock: clock, Rehearse: true, RoutineID: "lumbar-partner", Speed: 10, Tones: tones})
	if err != nil {
		t.Fatal(err)
	}
	f.Begin()
	for i := 0; i < 400 && f.Stage() != Summary && f.Stage() != Ended; i++ {
		clock.now = clock.now.Add(time.Second)
		f.Tick()
		tones.Wait(5 * time.Second) // one cue at a time, none dropped
	}
	if f.State().Phase != coach.Done {
		t.Fatalf("the rehearsal did not end: %s", f.State().Phase)
	}
	data, _ := os.ReadFile(log)
	played := strings.Fields(string(data))
	steps := len(f.Routine().Steps)
	var want []string
	for i := range steps {
		if i == 6 { // it starts on the first side, left at step 4's half time
			want = append(want, "side-switch")
		}
		want = append(want, "step-start")
		if i == 3 || i == 6 { // the steps that switch sides at half time
			want = append(want, "side-switch")
		}
		want = append(want, "ten-seconds", "step-end", "check-in")
	}
	want = append(want, "session-end", "check-in", "session-end")
	if strings.Join(played, " ") != strings.Join(want, " ") {
		t.Fatalf("played\n%s\nwant\n%s", strings.Join(played, " "), strings.Join(want, " "))
	}
}

// Tempo ticks play only when asked for.
func TestTempoTicksOnlyWhenAsked(t *testing.T) {
	t.Parallel()
	pass := coach.Cue{Kind: coach.CuePass}
	if _, ok := SoundOf(pass, false); ok {
		t.Error("a pass ticks without --tempo-ticks")
	}
	if c, ok := SoundOf(pass, true); !ok || c != sound.Tick {
		t.Error("a pass does not tick with --tempo-ticks")
	}
	for _, k := range []coach.CueKind{coach.CueStepStart, coach.CueSideSwitch, coach.CueTenSeconds, coach.CueStepEnd, coach.CueStop, coach.CueSessionEnd} {
		if _, ok := SoundOf(coach.Cue{Kind: k}, false); !ok {
			t.Errorf("%s has no sound", k)
		}
	}
}

// The countdown is never late because of sound or voice: with a player
// and a voice that each take 2 s, every tick returns at once and the
// clock shown is the clock's own.
func TestSlowSoundNeverDelaysTheCountdown(t *testing.T) {
	t.Parallel()
	tones, _ := fakeTones(t, "sleep 2")
	dir := t.TempDir()
	speech := filepath.Join(dir, "speak")
	if err := os.WriteFile(speech, []byte("sleep 2\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	speaker, err := voice.New("sh " + speech)
	if err != nil {
		t.Fatal(err)
	}
	speaker.ShareWith(tones.Floor)
	defer speaker.Close()
	lib, _ := routines.BuiltIn()
	clock := &testClock{now: testStart}
	f, err := New(Options{Library: lib, Questions: screening.Default(), Clock: clock, Rehearse: true, RoutineID: "lumbar-self", Speed: 1, Tones: tones, Voice: speaker, TempoTicks: true})
	if err != nil {
		t.Fatal(err)
	}
	f.Begin()
	total := f.State().Total
	var slowest time.Duration
	for i := 1; i <= 30; i++ {
		clock.now = clock.now.Add(time.Second)
		began := time.Now()
		f.Tick()
		slowest = max(slowest, time.Since(began))
		if st := f.State(); st.Remaining != total-time.Duration(i)*time.Second {
			t.Fatalf("after %d s the step shows %s left of %s", i, st.Remaining, total)
		}
	}
	// Far below the 2 s a sound takes: a tick that waited for one would
	// show it.
	if slowest > time.Second {
		t.Fatalf("a tick took %s", slowest)
	}
}

// A rating read back is never lost behind the next step's words: a
// check-in's rating and the step it starts are said as one utterance,
// even while the speaker is still busy with the question.
func TestRatingReadBackSurvivesTheNextStep(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	said := filepath.Join(dir, "said")
	speech := filepath.Join(dir, "speak")
	script := "[ \"$1\" = -- ] && shift\nsleep 0.3\nprintf '%s\\n' \"$1\" >> " + said + "\n"
	if err := os.WriteFile(speech, []byte(script), 0o600); err != nil {
		t.Fatal(err)
	}
	speaker, err := voice.New("sh " + speech)
	if err != nil {
		t.Fatal(err)
	}
	clock := &testClock{now: testStart}
	f := screened(t, screening.Partner, "Anna", nil, clock)
	f.opts.Voice = speaker
	must(t, f, Act(Continue), Action{Kind: ChooseSide, Side: coach.Left}, PainAction(3), Act(Continue), Act(Next), PainAction(3))
	speaker.Close()
	data, _ := os.ReadFile(said)
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	last := lines[len(lines)-1]
	if !strings.HasPrefix(last, "Pain three, noted. ") || !strings.Contains(last, f.State().Step.Title) {
		t.Fatalf("said %q", lines)
	}
}

// An interrupted session did not end well: it has no closing sound.
func TestAnInterruptedSessionHasNoClosingSound(t *testing.T) {
	if _, ok := SoundOf(coach.Cue{Kind: coach.CueSessionEnd, Text: string(coach.Interrupted)}, false); ok {
		t.Error("an interrupted session plays the closing arpeggio")
	}
	if _, ok := SoundOf(coach.Cue{Kind: coach.CueSessionEnd, Text: string(coach.Completed)}, false); !ok {
		t.Error("a completed session has no closing sound")
	}
}
