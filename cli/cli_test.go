package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// run calls knead as the shell would and returns its exit status and output.
func run(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = Main(context.Background(), args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

// isolate points knead's folders at empty temporary ones.
func isolate(t *testing.T) (configDir string) {
	t.Helper()
	configDir = t.TempDir()
	t.Setenv("KNEAD_CONFIG_DIR", configDir)
	t.Setenv("KNEAD_DATA_DIR", t.TempDir())
	return configDir
}

func writeFile(t *testing.T, path, content string) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

const userRoutine = `id: my-routine
title: My routine
for: self
area: lumbar
position: Lie down.
steps:
  - title: Stroke
    technique: stroking
    zone: lumbar
    duration: 5s
    intensity: gentle
    cue: "Stroke down \x1b]52;c;ZXZpbA==\x07 gently.\x07"
`

func TestRoutinesList(t *testing.T) {
	isolate(t)
	code, out, _ := run(t, "", "routines", "list")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, id := range []string{"back-classic", "lumbar-partner", "lumbar-self", "gentle-back", "swedish-back"} {
		if !strings.Contains(out, id) {
			t.Errorf("list lacks %s:\n%s", id, out)
		}
	}
	if !strings.Contains(out, "INTENSITY") || !strings.Contains(out, "partner") {
		t.Errorf("list lacks columns:\n%s", out)
	}
}

func TestRoutinesShowUnknownID(t *testing.T) {
	isolate(t)
	code, _, errOut := run(t, "", "routines", "show", "nope")
	if code != 1 || !strings.Contains(errOut, `no routine with id "nope"`) || !strings.Contains(errOut, "lumbar-self") {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
}

func TestRoutinesShowBuiltIn(t *testing.T) {
	isolate(t)
	code, out, _ := run(t, "", "routines", "show", "lumbar-partner")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"Position", "Prepare", "Deep stroking to the coccyx — 2 min", "passes: 15–20", "zone: gluteal", "Massage for back pain: how to do so that there is no pain?", "Aftercare"} {
		if !strings.Contains(out, want) {
			t.Errorf("show lacks %q", want)
		}
	}
}

func TestShowUserRoutineStripsEscapes(t *testing.T) {
	dir := isolate(t)
	writeFile(t, filepath.Join(dir, "routines", "mine.yaml"), userRoutine)
	code, out, errOut := run(t, "", "routines", "show", "my-routine")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if strings.ContainsAny(out+errOut, "\x1b\x07") {
		t.Fatalf("output holds ESC or BEL: %q", out)
	}
	if !strings.Contains(out, "Stroke down gently.") {
		t.Fatalf("cue missing: %s", out)
	}
}

func TestBadUserFileIsSkippedNotFatal(t *testing.T) {
	dir := isolate(t)
	writeFile(t, filepath.Join(dir, "routines", "good.yaml"), userRoutine)
	writeFile(t, filepath.Join(dir, "routines", "bad.yaml"), "id: bad\ntitle: Bad\nfor: me\n")
	writeFile(t, filepath.Join(dir, "routines", "clash.yaml"), strings.Replace(userRoutine, "my-routine", "lumbar-self", 1))
	code, out, errOut := run(t, "", "routines", "list")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	if !strings.Contains(out, "my-routine") {
		t.Errorf("good file not listed:\n%s", out)
	}
	if !strings.Contains(errOut, "bad.yaml:3: for \"me\" is not one of") {
		t.Errorf("bad file not reported with its line:\n%s", errOut)
	}
	if !strings.Contains(errOut, `clash.yaml:1: id "lumbar-self" is already used by a built-in routine`) {
		t.Errorf("id clash not reported:\n%s", errOut)
	}
}

func TestRoutinesValidate(t *testing.T) {
	dir := isolate(t)
	good := writeFile(t, filepath.Join(dir, "good.yaml"), userRoutine)
	broken := writeFile(t, filepath.Join(dir, "broken.yaml"), strings.Replace(userRoutine, "    duration: 5s", "    duration: 2 minutes", 1))
	code, out, errOut := run(t, "", "routines", "validate", good, broken, filepath.Join(dir, "missing.yaml"))
	if code != 1 {
		t.Fatalf("exit %d", code)
	}
	if !strings.Contains(out, "good.yaml: ok (my-routine, 1 step") {
		t.Errorf("good file not ok: %s", out)
	}
	if !strings.Contains(errOut, broken+":10: step 1 duration \"2 minutes\" is not a duration") {
		t.Errorf("broken file not pointed at line 10:\n%s", errOut)
	}
	if !strings.Contains(errOut, "missing.yaml: no such file") {
		t.Errorf("missing file not reported:\n%s", errOut)
	}
	if code, _, _ := run(t, "", "routines", "validate", good); code != 0 {
		t.Errorf("valid file: exit %d", code)
	}
}

func TestVersionAndHelp(t *testing.T) {
	isolate(t)
	code, out, _ := run(t, "", "--version")
	if code != 0 || !strings.Contains(out, Version) {
		t.Fatalf("--version: exit %d, %q", code, out)
	}
	code, out, _ = run(t, "", "--help")
	if code != 0 || !strings.Contains(out, "not medical advice") || !strings.Contains(out, "routines") {
		t.Fatalf("--help: exit %d, %q", code, out)
	}
	if code, _, errOut := run(t, "", "nonsense"); code != 1 || errOut == "" {
		t.Fatalf("unknown command: exit %d, %q", code, errOut)
	}
}

// The user files of the routine rules: each is refused, naming its line.
func TestRoutinesValidateRefusesUnsafeFiles(t *testing.T) {
	isolate(t)
	files, _ := filepath.Glob("../routines/testdata/refused/*.yaml")
	if len(files) < 10 {
		t.Fatalf("test files: %v", files)
	}
	code, _, errOut := run(t, "", append([]string{"routines", "validate"}, files...)...)
	if code != 1 {
		t.Fatalf("exit %d", code)
	}
	for _, f := range files {
		data, _ := os.ReadFile(f)
		want := strings.TrimPrefix(strings.SplitN(string(data), "\n", 2)[0], "# want ")
		if !strings.Contains(errOut, f+":"+want) {
			t.Errorf("%s: no %q in:\n%s", f, want, errOut)
		}
	}
}

// A user routine that declares area: back but works the lumbar zone is not
// offered when the lower back is closed.
func TestScreenLocksAUserBackRoutineOnTheLowerBack(t *testing.T) {
	dir := isolate(t)
	writeFile(t, filepath.Join(dir, "routines", "sneaky.yaml"), `id: sneaky-back
title: A back routine that works the loin
for: partner
area: back
position: Face down.
steps:
  - {title: Stroking, technique: stroking, zone: upper-back, duration: 2m, intensity: gentle, cue: Stroke.}
  - {title: Loin, technique: rubbing, zone: lumbar, duration: 2m, intensity: moderate, cue: Rub the loin.}
  - {title: Closing, technique: stroking, zone: upper-back, duration: 1m, intensity: gentle, cue: Stroke.}
`)
	for answer, offered := range map[string]bool{"no": true, "yes": false} {
		path := writeAnswers(t, allNoYAML(map[string]string{"menstruating": answer}))
		code, out, errOut := run(t, "", "screen", "--answers", path, "--json", "--for", "partner")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		var got struct {
			Allowed []string `json:"allowed_routines"`
		}
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatal(err)
		}
		if slices.Contains(got.Allowed, "sneaky-back") != offered {
			t.Errorf("period %s: allowed %v", answer, got.Allowed)
		}
	}
}

// Without a terminal (a pipe, a file, /dev/null) the full-screen commands
// say what to use instead and exit 1, before setting anything up.
func TestNoTerminalSaysWhatToUse(t *testing.T) {
	isolate(t)
	devNull, err := os.Open(os.DevNull)
	if err != nil {
		t.Fatal(err)
	}
	defer devNull.Close()
	for _, args := range [][]string{nil, {"start", "lumbar-self"}, {"screen"}, {"rehearse", "lumbar-self"}} {
		for name, in := range map[string]io.Reader{"pipe": strings.NewReader("1\n"), "/dev/null": devNull} {
			var out, errOut bytes.Buffer
			code := Main(context.Background(), args, in, &out, &errOut)
			if code != 1 || strings.TrimSpace(errOut.String()) != "knead: no terminal: use --accessible, or --answers FILE for knead screen" {
				t.Errorf("%v from %s: exit %d, %q", args, name, code, errOut.String())
			}
		}
	}
}

// Every help page fits an 80-column terminal: no line of it wraps. Help
// is laid out for the terminal's width, read once per process, so the
// pages are drawn in a child process told the width is 80.
func TestHelpFitsEightyColumns(t *testing.T) {
	if os.Getenv("KNEAD_HELP_WIDTH_CHILD") == "" {
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelpFitsEightyColumns$", "-test.v")
		cmd.Env = append(os.Environ(), "KNEAD_HELP_WIDTH_CHILD=1", "__FANG_TEST_WIDTH=80")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
		return
	}
	pages := [][]string{{"--help"}}
	for _, c := range newRoot().Commands() {
		pages = append(pages, []string{c.Name(), "--help"})
		for _, sub := range c.Commands() {
			pages = append(pages, []string{c.Name(), sub.Name(), "--help"})
		}
	}
	for _, args := range pages {
		_, out, _ := run(t, "", args...)
		for _, line := range strings.Split(out, "\n") {
			if w := ansi.StringWidth(strings.TrimRight(line, " ")); w > 80 {
				t.Errorf("knead %s: a line of %d columns:\n%s", strings.Join(args, " "), w, line)
			}
		}
	}
}

// A flag works wherever it stands on the line when the command run takes
// it; where it does nothing, knead says which commands take it.
func TestFlagsBeforeTheirSubcommand(t *testing.T) {
	t.Setenv("KNEAD_CONFIG_DIR", t.TempDir())
	t.Setenv("KNEAD_DATA_DIR", t.TempDir())
	for _, args := range [][]string{
		{"--no-bell", "config", "show"},
		{"config", "--no-bell", "show"},
		{"config", "show", "--no-bell"},
	} {
		code, out, errOut := run(t, "", args...)
		if code != 0 || !strings.Contains(out, "bell:") || !strings.Contains(out, "false") {
			t.Errorf("knead %s: status %d\n%s%s", strings.Join(args, " "), code, out, errOut)
		}
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--voice", "x", "history"}, "--voice is not a flag of knead history; it works with: knead, knead config show, knead rehearse, knead start"},
		{[]string{"--metronome"}, "--metronome is not a flag of knead; it works with: knead practice"},
		{[]string{"start", "--metronome", "lumbar-self"}, "--metronome is not a flag of knead start"},
	} {
		code, _, errOut := run(t, "", c.args...)
		if code != ExitError || !strings.Contains(errOut, c.want) {
			t.Errorf("knead %s: status %d, %q; want %q", strings.Join(c.args, " "), code, errOut, c.want)
		}
	}
}
