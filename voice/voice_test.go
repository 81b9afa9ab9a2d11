package voice

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"knead/coach"
)

// fakeVoice writes a script that appends its argument to a file, after
// sleeping for delay, and returns the command that runs it and the file.
// The command runs the script through sh rather than executing it: a file
// just written may still be open in a process forked by a parallel test,
// and executing it then fails with "text file busy".
func fakeVoice(t *testing.T, delay string) (string, string) {
	t.Helper()
	dir := t.TempDir()
	out := filepath.Join(dir, "said.txt")
	script := filepath.Join(dir, "fake-voice")
	body := "#!/bin/sh\n[ \"$1\" = -- ] && shift\nsleep " + delay + "\nprintf '%s\\n' \"$1\" >> " + out + "\n"
	if err := os.WriteFile(script, []byte(body), 0o755); err != nil {
		t.Fatal(err)
	}
	return "sh " + script, out
}

func said(t *testing.T, path string, n int) []string {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		data, _ := os.ReadFile(path)
		lines := strings.Split(strings.TrimSpace(string(data)), "\n")
		if len(data) > 0 && len(lines) >= n {
			return lines
		}
		if time.Now().After(deadline) {
			t.Fatalf("said %q, waited for %d lines", data, n)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestSpeaksInOrder(t *testing.T) {
	t.Parallel()
	script, out := fakeVoice(t, "0")
	s, err := New(script)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for i, text := range []string{"one; rm -rf /", "two $(echo x)", "three"} {
		s.Say(int64(i+1), text)
		said(t, out, i+1)
	}
	got := said(t, out, 3)
	if strings.Join(got, "|") != "one; rm -rf /|two $(echo x)|three" {
		t.Fatalf("said %q (the text must reach the command as one argument, untouched)", got)
	}
}

func TestASlowSpeakerDelaysNothing(t *testing.T) {
	t.Parallel()
	script, out := fakeVoice(t, "0.3")
	s, err := New(script)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	for i := 1; i <= 20; i++ {
		s.Say(int64(i), "cue "+string(rune('a'+i)))
	}
	s.Say(5, "stale") // older than what is queued: dropped
	if d := time.Since(start); d > 50*time.Millisecond {
		t.Fatalf("Say blocked for %s", d)
	}
	s.Close()
	got := said(t, out, 1)
	if len(got) > 2 || got[len(got)-1] != "cue u" {
		t.Fatalf("said %q: want at most the first cue, then only the newest", got)
	}
}

// Text is never read as an option of the speech command: it comes after
// "--" and loses its leading dashes.
func TestTextIsNeverAnOption(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	out := filepath.Join(dir, "args.txt")
	script := filepath.Join(dir, "fake-voice")
	os.WriteFile(script, []byte("#!/bin/sh\nfor a in \"$@\"; do printf '[%s]' \"$a\"; done >> "+out+"\necho >> "+out+"\n"), 0o755)
	s, err := New("sh " + script + " -v en")
	if err != nil {
		t.Fatal(err)
	}
	s.Say(1, "--phonout=/tmp/x Step one")
	got := said(t, out, 1)
	s.Close()
	if got[0] != "[-v][en][--][phonout=/tmp/x Step one]" {
		t.Fatalf("args %q", got[0])
	}
}

// A speech command that hangs is stopped, with its children: Close
// returns within its grace, and nothing of it is left running.
func TestAHungSpeakerIsStopped(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	pidFile := filepath.Join(dir, "pid")
	script := filepath.Join(dir, "fake-voice")
	os.WriteFile(script, []byte("#!/bin/sh\nsleep 300 &\necho $! > "+pidFile+"\nwait\n"), 0o755)
	s, err := New("sh " + script)
	if err != nil {
		t.Fatal(err)
	}
	s.Say(1, "hello")
	child := said(t, pidFile, 1)[0]
	start := time.Now()
	s.Close()
	if took := time.Since(start); took > closeGrace+3*time.Second {
		t.Fatalf("Close took %v", took)
	}
	time.Sleep(100 * time.Millisecond)
	if _, err := os.Stat("/proc/" + child); err == nil {
		if stat, _ := os.ReadFile("/proc/" + child + "/stat"); !strings.Contains(string(stat), ") Z ") {
			t.Fatalf("the speech command's child %s is still running", child)
		}
	}
}

func TestMissingCommand(t *testing.T) {
	t.Parallel()
	if _, err := New("no-such-voice-command-here"); err == nil || !strings.Contains(err.Error(), "not found; running without voice") {
		t.Fatalf("err = %v", err)
	}
	var s *Speaker
	s.Say(1, "nothing happens") // a nil speaker is silent
}

func TestWords(t *testing.T) {
	t.Parallel()
	if w := Words(coach.Cue{Kind: coach.CueCheckIn}, true, ""); w != "Ask your partner how the pain is, and type the number." {
		t.Errorf("partner check-in: %q", w)
	}
	if w := Words(coach.Cue{Kind: coach.CueStop, Text: "pain rose from 3 to 6"}, false, ""); w != "Stop. Pain rose from 3 to 6." {
		t.Errorf("stop: %q", w)
	}
	if w := Words(coach.Cue{Kind: coach.CuePass}, false, ""); w != "" {
		t.Errorf("passes are not spoken: %q", w)
	}
	cases := []struct {
		cue     coach.Cue
		partner bool
		name    string
		want    string
	}{
		{coach.Cue{Kind: coach.CueCheckIn}, false, "", "How is the pain now? Press a number."},
		{coach.Cue{Kind: coach.CueCheckIn}, true, "Anna", "Ask Anna how the pain is, and type the number."},
		{coach.Cue{Kind: coach.CueSideSwitch, Side: coach.Left}, false, "", "Turn over. Now the left side."},
		{coach.Cue{Kind: coach.CueSideSwitch, Side: coach.Right}, true, "Anna", "Switch to the right side."},
	}
	for _, tc := range cases {
		if w := Words(tc.cue, tc.partner, tc.name); w != tc.want {
			t.Errorf("%s (partner %v): %q, want %q", tc.cue.Kind, tc.partner, w, tc.want)
		}
		if strings.Contains(strings.ToLower(Words(tc.cue, tc.partner, tc.name)), "say a number") {
			t.Errorf("%s asks to say a number: knead does not listen", tc.cue.Kind)
		}
	}
	for note, want := range map[string]string{"Pain 3 noted.": "Pain three, noted.", "Pain 10 noted.": "Pain ten, noted.", "Paused.": "Paused."} {
		if got := Spoken(note); got != want {
			t.Errorf("Spoken(%q) = %q, want %q", note, got, want)
		}
	}
}

// A speech command that fails is counted, to be told at the end.
func TestFailuresAreCounted(t *testing.T) {
	t.Parallel()
	s, err := New("false")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.Say(1, "one")
	deadline := time.Now().Add(5 * time.Second)
	for {
		if n, err := s.Failures(); n == 1 && strings.Contains(err.Error(), "exit status 1") {
			return
		}
		if time.Now().After(deadline) {
			n, err := s.Failures()
			t.Fatalf("%d failures, %v", n, err)
		}
		time.Sleep(10 * time.Millisecond)
	}
}
