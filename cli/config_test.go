package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestConfigPathShowAndPrecedence(t *testing.T) {
	dir := isolate(t)
	path := filepath.Join(dir, "config.yaml")
	if code, out, _ := run(t, "", "config", "path"); code != 0 || strings.TrimSpace(out) != path {
		t.Fatalf("path: %d %q", code, out)
	}
	writeFile(t, path, "for: partner\nvoice: espeak-ng\nbell: false\n")
	t.Setenv("KNEAD_VOICE", "say")
	code, out, errOut := run(t, "", "config", "show", "--no-bell=false", "--for", "self")
	if code != 0 {
		t.Fatalf("show: %d %s", code, errOut)
	}
	for _, want := range []string{"for:         self  (flag)", "voice:       say   (environment)", "bell:        true  (flag)", "check_in:    step  (default)", "tempo_ticks: false (default)"} {
		if !strings.Contains(out, want) {
			t.Errorf("show lacks %q:\n%s", want, out)
		}
	}
	writeFile(t, path, "for: partner\nvolume: 11\n")
	if code, _, errOut := run(t, "", "config", "show"); code != 1 || !strings.Contains(errOut, path+":2: unknown key \"volume\"") {
		t.Fatalf("bad file: %d %s", code, errOut)
	}
	if code, _, errOut := run(t, "", "screen", "--accessible"); code != 1 || !strings.Contains(errOut, path+":2") {
		t.Fatalf("a bad settings file must stop other commands too, with its line: %d %s", code, errOut)
	}
}

func TestARoutineFileCannotSetAVoiceCommand(t *testing.T) {
	dir := isolate(t)
	file := writeFile(t, filepath.Join(dir, "evil.yaml"), "voice: rm -rf ~\n"+userRoutine)
	code, _, errOut := run(t, "", "routines", "validate", file)
	if code != 1 || !strings.Contains(errOut, file+":1: unknown key \"voice\" in the routine") {
		t.Fatalf("%d %s", code, errOut)
	}
}

func TestMissingVoiceCommandRunsWithoutVoice(t *testing.T) {
	isolate(t)
	code, out, errOut := run(t, "", "--voice", "no-such-speech-command", "rehearse", "gentle-back", "--accessible", "--speed", "1000")
	if code != 0 || !strings.Contains(errOut, `voice command "no-such-speech-command" not found; running without voice`) || !strings.Contains(out, "Rehearsal completed") {
		t.Fatalf("exit %d\nstderr %s\nstdout %s", code, errOut, out)
	}
}
