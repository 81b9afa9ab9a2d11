package sound

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// fakePlayer writes a script that appends the file it is asked to play to
// a log, then runs extra, and returns a player for it and the log's path.
// The player runs the script through sh rather than executing it: a file
// just written may still be open in a process forked by a parallel test,
// and executing it then fails with "text file busy".
func fakePlayer(t *testing.T, extra string) (*Player, string) {
	t.Helper()
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skip("no sh to run a fake player")
	}
	dir := t.TempDir()
	log := filepath.Join(dir, "played.log")
	script := filepath.Join(dir, "fake-player")
	body := "printf '%s\\n' \"$1\" >> '" + log + "'\n" + extra + "\n"
	if err := os.WriteFile(script, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return NewPlayer(sh, script), log
}

// played waits until the log lists at least n files and returns them.
func played(t *testing.T, log string, n int) []string {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		data, _ := os.ReadFile(log)
		lines := strings.Fields(string(data))
		if len(lines) >= n {
			return lines
		}
		if time.Now().After(deadline) {
			t.Fatalf("played %q, waited for %d files", lines, n)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// names turns played files back into the cues' file names without ".wav".
func names(paths []string) []string {
	var out []string
	for _, p := range paths {
		out = append(out, strings.TrimSuffix(filepath.Base(p), ".wav"))
	}
	return out
}

func open(t *testing.T, p *Player) *Out {
	t.Helper()
	o, err := Open(p)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(o.Close)
	return o
}

// closeWithin closes o and fails if that takes longer than limit.
func closeWithin(t *testing.T, o *Out, limit time.Duration) {
	t.Helper()
	start := time.Now()
	o.Close()
	if took := time.Since(start); took > limit {
		t.Fatalf("Close took %v", took)
	}
}

func TestPlaysInOrder(t *testing.T) {
	t.Parallel()
	p, log := fakePlayer(t, "")
	o := open(t, p)
	for _, c := range []Cue{StepStart, SideSwitch, TenSeconds, Stop} {
		o.Play(c)
	}
	got := names(played(t, log, 4))
	want := []string{"step-start", "side-switch", "ten-seconds", "stop"}
	if !slices.Equal(got, want) {
		t.Fatalf("played %q, want %q", got, want)
	}
}

func TestPlayNeverBlocks(t *testing.T) {
	t.Parallel()
	p, _ := fakePlayer(t, "sleep 2")
	o := open(t, p)
	start := time.Now()
	for i := range 50 {
		o.Play(Cues[i%len(Cues)])
	}
	if took := time.Since(start); took > 50*time.Millisecond {
		t.Fatalf("50 Play calls took %v", took)
	}
}

func TestHungPlayerIsKilled(t *testing.T) {
	t.Parallel()
	p, log := fakePlayer(t, `case "$1" in *step-start.wav) sleep 30;; esac`)
	p.Grace = 200 * time.Millisecond
	o := open(t, p)
	o.Play(StepStart)
	o.Play(StepEnd)
	got := played(t, log, 2)
	if !slices.Equal(names(got), []string{"step-start", "step-end"}) {
		t.Fatalf("played %q", got)
	}
	if !o.Wait(10 * time.Second) {
		t.Fatal("still busy after the last cue")
	}
	if n := o.Failures(); n != 1 {
		t.Errorf("%d failures, want 1 (the hung player)", n)
	}
	closeWithin(t, o, 5*time.Second)
	if _, err := os.Stat(filepath.Dir(got[0])); !os.IsNotExist(err) {
		t.Fatalf("temporary directory left behind: %v", err)
	}
}

func TestCloseKillsPlayingSound(t *testing.T) {
	t.Parallel()
	p, log := fakePlayer(t, "sleep 30")
	p.Grace = time.Minute // only Close can end this sound
	o := open(t, p)
	o.Play(Stop)
	got := played(t, log, 1)
	closeWithin(t, o, 10*time.Second)
	if _, err := os.Stat(filepath.Dir(got[0])); !os.IsNotExist(err) {
		t.Fatalf("temporary directory left behind: %v", err)
	}
	o.Play(StepStart) // after Close: ignored, must not panic
	if !o.Wait(time.Second) {
		t.Fatal("a closed Out is not idle")
	}
}

func TestFailingPlayerIsCounted(t *testing.T) {
	t.Parallel()
	p, log := fakePlayer(t, `case "$1" in *check-in.wav) exit 1;; esac`)
	o := open(t, p)
	o.Play(CheckIn)
	o.Play(Ease)
	if !o.Wait(10 * time.Second) {
		t.Fatal("still busy")
	}
	if got := names(played(t, log, 2)); !slices.Equal(got, []string{"check-in", "ease"}) {
		t.Fatalf("played %q", got)
	}
	if n := o.Failures(); n != 1 {
		t.Fatalf("%d failures, want 1", n)
	}
}

func TestMissingPlayerIsCounted(t *testing.T) {
	t.Parallel()
	o := open(t, NewPlayer(filepath.Join(t.TempDir(), "no-such-player")))
	o.Play(StepStart)
	o.Play(StepEnd)
	if !o.Wait(10 * time.Second) {
		t.Fatal("still busy")
	}
	if n := o.Failures(); n != 2 {
		t.Fatalf("%d failures, want 2", n)
	}
}

func TestWaitFollowsTheTone(t *testing.T) {
	t.Parallel()
	// The player logs when it starts and again when it finishes, so the
	// log shows whether Wait returned before the tone was over.
	p, log := fakePlayer(t, "sleep 0.2; echo done >> \"$(dirname \"$0\")/played.log\"")
	o := open(t, p)
	if !o.Wait(time.Second) {
		t.Fatal("a new Out is not idle")
	}
	o.Play(StepStart)
	if !o.Wait(10 * time.Second) {
		t.Fatal("still busy after 10s")
	}
	data, _ := os.ReadFile(log)
	if lines := strings.Fields(string(data)); len(lines) != 2 || lines[1] != "done" {
		t.Fatalf("Wait returned while the tone was playing: log %q", lines)
	}
}

func TestWaitTimesOut(t *testing.T) {
	t.Parallel()
	p, _ := fakePlayer(t, "sleep 30")
	o := open(t, p)
	o.Play(Stop)
	if o.Wait(50 * time.Millisecond) {
		t.Fatal("Wait reported idle while a sound was playing")
	}
}

func TestOpenWritesPrivateFiles(t *testing.T) {
	t.Parallel()
	p, _ := fakePlayer(t, "")
	o := open(t, p)
	info, err := os.Stat(o.dir)
	if err != nil {
		t.Fatal(err)
	}
	if perm := info.Mode().Perm(); perm != 0o700 {
		t.Errorf("directory mode %v, want 0700", perm)
	}
	entries, err := os.ReadDir(o.dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != len(Cues) {
		t.Errorf("%d files, want one per cue (%d)", len(entries), len(Cues))
	}
	for _, c := range Cues {
		path := filepath.Join(o.dir, fileName(c))
		info, err := os.Stat(path)
		if err != nil {
			t.Errorf("%v: %v", c, err)
			continue
		}
		if perm := info.Mode().Perm(); perm != 0o600 {
			t.Errorf("%s mode %v, want 0600", filepath.Base(path), perm)
		}
		if data, _ := os.ReadFile(path); string(data) != string(WAV(c)) {
			t.Errorf("%s does not hold the cue's WAV", filepath.Base(path))
		}
	}
	o.Close()
	if _, err := os.Stat(o.dir); !os.IsNotExist(err) {
		t.Fatalf("directory left behind: %v", err)
	}
}

func TestOpenNeedsAPlayer(t *testing.T) {
	t.Parallel()
	if o, err := Open(nil); err == nil || o != nil {
		t.Fatalf("Open(nil) = %v, %v; want an error", o, err)
	}
}

func TestNilOut(t *testing.T) {
	t.Parallel()
	var o *Out
	o.Play(Stop)
	if !o.Wait(time.Second) {
		t.Error("a nil Out is not idle")
	}
	if o.Failures() != 0 {
		t.Error("a nil Out has failures")
	}
	o.Close()
}

// A voice that takes the floor speaks after the tone queued before it, and
// no tone starts while it holds the floor.
func TestFloorTakesTurns(t *testing.T) {
	t.Parallel()
	p, log := fakePlayer(t, "sleep 0.2")
	o := open(t, p)
	o.Play(StepStart)
	release := o.Floor()
	if got := names(played(t, log, 1)); strings.Join(got, ",") != "step-start" {
		t.Fatalf("before the floor: %v", got)
	}
	o.Play(Stop)
	time.Sleep(300 * time.Millisecond)
	if data, _ := os.ReadFile(log); strings.Contains(string(data), "stop") {
		t.Fatal("a tone played while the voice held the floor")
	}
	release()
	if got := names(played(t, log, 2)); strings.Join(got, ",") != "step-start,stop" {
		t.Fatalf("after the floor: %v", got)
	}
	var nothing *Out
	nothing.Floor()()
}

// Behind a hung player, the cues that waited more than two seconds are
// dropped unplayed, so the tones catch up with the session; a stop is
// played however late.
func TestStaleCuesAreDropped(t *testing.T) {
	t.Parallel()
	p, log := fakePlayer(t, `case "$1" in *step-start.wav) sleep 30;; esac`)
	p.Grace = 300 * time.Millisecond
	o := open(t, p)
	var clock atomic.Int64 // nanoseconds past the epoch of the fake clock
	o.mu.Lock()
	o.now = func() time.Time { return time.Unix(0, clock.Load()) }
	o.mu.Unlock()
	o.Play(StepStart)
	played(t, log, 1) // the player hangs on it now
	o.Play(SideSwitch)
	o.Play(Stop)
	o.Play(TenSeconds)
	clock.Add(int64(3 * time.Second))
	if !o.Wait(10 * time.Second) {
		t.Fatal("still busy after the hung player was killed")
	}
	if got := names(played(t, log, 2)); !slices.Equal(got, []string{"step-start", "stop"}) {
		t.Fatalf("played %q, want the hung step-start and the stop only", got)
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.dropped != 2 {
		t.Errorf("%d cues dropped, want 2", o.dropped)
	}
}

// A tone that waited behind a long voice past its moment is dropped, not
// heard late.
func TestATonePastItsMomentBehindAVoiceIsDropped(t *testing.T) {
	t.Parallel()
	p, log := fakePlayer(t, "")
	o := open(t, p)
	var clock atomic.Int64
	o.mu.Lock()
	o.now = func() time.Time { return time.Unix(0, clock.Load()) }
	o.mu.Unlock()
	release := o.Floor() // a voice is speaking
	o.Play(StepEnd)
	time.Sleep(100 * time.Millisecond) // the worker takes it and waits for the turn
	clock.Add(int64(3 * time.Second))
	release()
	o.Play(StepStart)
	if !o.Wait(10 * time.Second) {
		t.Fatal("still busy")
	}
	if got := names(played(t, log, 1)); !slices.Equal(got, []string{"step-start"}) {
		t.Fatalf("played %q, want only the step start", got)
	}
}
