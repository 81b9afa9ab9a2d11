package inputs

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

var shape = Shape{Depth: 32, Nodes: 10000, Indent: 100}

func TestShapeRefusesHostileYAML(t *testing.T) {
	t.Parallel()
	for name, data := range map[string]string{
		"deep brackets":     strings.Repeat("[", 100000) + strings.Repeat("]", 100000),
		"deep braces":       "a: " + strings.Repeat("{b: ", 50000),
		"dash chain":        strings.Repeat("- ", 100000) + "x\n",
		"deep indentation":  "a:\n" + strings.Repeat(" ", 5000) + "b: c\n",
		"many keys":         strings.Repeat("k: v\n", 20000),
		"alias bomb":        "a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n",
		"anchor in a list":  "- &x 1\n- *x\n",
		"alias after key":   "fever: *yes\n",
		"alias in brackets": "ids: [a, *b]\n",
	} {
		if err := shape.Check([]byte(data)); err == nil {
			t.Errorf("%s: passed", name)
		}
	}
}

func TestShapePassesOrdinaryYAML(t *testing.T) {
	t.Parallel()
	for name, data := range map[string]string{
		"text with stars": "cue: Press *firmly* & slowly, then [gently] up: to the neck.\n",
		"quoted":          "a: \"*not an alias\"\nb: '&nor an anchor, it''s text'\n",
		"block scalar":    "cue: |\n  * a bullet\n  - a dash\n  &c\nnext: 1\n",
		"comment":         "a: 1 # *a comment\n# &b\n",
		"nested list":     "steps:\n  - title: x\n    passes: [15, 20]\n  - {title: y, tempo: 6s}\n",
		"json":            `{"fever": "no", "heart": false, "ids": ["a", "b"]}`,
		"empty":           "",
		"dash in text":    "cue: left - right - left\n",
	} {
		if err := shape.Check([]byte(data)); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestShapeSaysTheLine(t *testing.T) {
	t.Parallel()
	var se *ShapeError
	err := shape.Check([]byte("a: 1\nb: 2\nc: *x\n"))
	if !errors.As(err, &se) || se.Line != 3 || !strings.Contains(err.Error(), "alias") {
		t.Fatalf("%v", err)
	}
}

func TestReadRefusesWhatIsNotAFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no FIFO here: %v", err)
	}
	big := filepath.Join(dir, "big")
	if err := os.WriteFile(big, make([]byte, 5000), 0o600); err != nil {
		t.Fatal(err)
	}
	small := filepath.Join(dir, "small")
	os.WriteFile(small, []byte("a: 1\n"), 0o600)
	var tooLarge *TooLargeError
	for _, c := range []struct {
		path string
		ok   func(error) bool
	}{
		{fifo, func(err error) bool {
			return errors.Is(err, ErrNotRegular) && strings.Contains(err.Error(), "named pipe")
		}},
		{dir, func(err error) bool { return errors.Is(err, ErrNotRegular) }},
		{"/dev/zero", func(err error) bool { return errors.Is(err, ErrNotRegular) }},
		{filepath.Join(dir, "missing"), func(err error) bool { return errors.Is(err, fs.ErrNotExist) }},
		{big, func(err error) bool { return errors.As(err, &tooLarge) && tooLarge.Size == 5000 }},
	} {
		if _, err := Read(c.path, 4096); !c.ok(err) {
			t.Errorf("%s: %v", c.path, err)
		}
	}
	if data, err := Read(small, 4096); err != nil || string(data) != "a: 1\n" {
		t.Fatalf("small: %q %v", data, err)
	}
}

func TestSize(t *testing.T) {
	t.Parallel()
	for n, want := range map[int64]string{812: "812 bytes", 64 << 10: "64 KB", 50 << 20: "50.0 MB"} {
		if got := Size(n); got != want {
			t.Errorf("Size(%d) = %q, want %q", n, got, want)
		}
	}
}

func BenchmarkShapeCheck(b *testing.B) {
	data := []byte(strings.Repeat("[", 100000) + strings.Repeat("]", 100000))
	big := Shape{Depth: 1 << 30, Nodes: 1 << 30, Indent: 1 << 30}
	for b.Loop() {
		big.Check(data)
	}
}

// A file that names a command is read only when no other user can change
// it.
func TestReadPrivateRefusesAFileOthersCanChange(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "config.yaml")
	if err := os.WriteFile(path, []byte("voice: espeak-ng\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadPrivate(path, 1<<10); err != nil {
		t.Fatalf("a private file: %v", err)
	}
	if err := os.Chmod(path, 0o666); err != nil {
		t.Fatal(err)
	}
	var np *NotPrivateError
	if _, err := ReadPrivate(path, 1<<10); !errors.As(err, &np) || !strings.Contains(err.Error(), "mode 0666") || np.Fix != "chmod 600 "+path {
		t.Fatalf("a file others can write: %v", err)
	}
}

func TestReadDropsAByteOrderMark(t *testing.T) {
	path := filepath.Join(t.TempDir(), "answers.yaml")
	if err := os.WriteFile(path, []byte("\ufefffever: no\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if data, err := Read(path, 1<<10); err != nil || string(data) != "fever: no\n" {
		t.Fatalf("%q %v", data, err)
	}
}
