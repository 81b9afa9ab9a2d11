package routines

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"

	"knead/inputs"
)

// MaxFileSize bounds a routine file; a real routine is a few kilobytes.
const MaxFileSize = 64 << 10

// fileShape bounds a routine file's structure before it is parsed: a real
// routine nests four deep and has a few hundred entries.
var fileShape = inputs.Shape{Depth: 16, Nodes: 20000, Indent: 64}

// Parse reads a routine from YAML and checks it against every rule of
// validate.go. name is the file name used in error messages. The error, when
// not nil, is a *FileError listing every problem with its line.
func Parse(name string, data []byte) (*Routine, error) {
	ps := &problems{file: name}
	if len(data) > MaxFileSize {
		ps.add(0, "file is %d bytes; a routine file may be at most %d", len(data), MaxFileSize)
		return nil, ps.err()
	}
	if err := fileShape.Check(data); err != nil {
		var se *inputs.ShapeError
		errors.As(err, &se)
		ps.add(se.Line, "%s", se.Msg)
		return nil, ps.err()
	}
	file, perr := parseYAML(data)
	if perr != nil {
		ps.add(yamlErrorLine(perr), "not valid YAML: %s", yamlErrorMessage(perr))
		return nil, ps.err()
	}
	var docs []*ast.DocumentNode
	for _, d := range file.Docs {
		if d != nil && d.Body != nil {
			docs = append(docs, d)
		}
	}
	if len(docs) == 0 {
		ps.add(0, "file is empty; a routine needs id, title, for, area, position, steps")
		return nil, ps.err()
	}
	if len(docs) > 1 {
		ps.add(lineOf(docs[1].Body), "a routine file holds one routine; start another file for the next one")
	}
	d := &decoder{problems: ps, pos: map[string]int{}}
	r := d.routine(docs[0].Body)
	// The rules run on what could be read, so that a file's problems all
	// show in one pass. A value that could not be read is left empty, and
	// the rules pass over empty values: one mistake gives one problem,
	// while two mistakes on one line (a step written as {...}) give two.
	validate(r, d.pos, ps)
	if err := ps.err(); err != nil {
		return nil, err
	}
	return r, nil
}

// parseYAML parses with the YAML library, which is third-party code fed
// untrusted input: a panic in it becomes an error for this file, not a crash
// of knead.
func parseYAML(data []byte) (file *ast.File, err error) {
	defer func() {
		if p := recover(); p != nil {
			file, err = nil, fmt.Errorf("cannot read this file as YAML (%v)", p)
		}
	}()
	return parser.ParseBytes(data, 0)
}

func yamlErrorLine(err error) int {
	var ye yaml.Error
	if errors.As(err, &ye) && ye.GetToken() != nil {
		return ye.GetToken().Position.Line
	}
	return 0
}

func yamlErrorMessage(err error) string {
	var ye yaml.Error
	if errors.As(err, &ye) {
		return ye.GetMessage()
	}
	return err.Error()
}

// decoder turns the YAML tree into a Routine, recording the line of every
// value so that later rules can point at it.
type decoder struct {
	*problems
	pos map[string]int // path such as "steps[1].duration" → line
}

func lineOf(n ast.Node) int {
	if n == nil {
		return 0
	}
	if tk := n.GetToken(); tk != nil && tk.Position != nil {
		return tk.Position.Line
	}
	return 0
}

var (
	routineKeys   = []string{"id", "title", "for", "area", "position", "prepare", "sources", "steps", "aftercare"}
	stepKeys      = []string{"title", "technique", "zone", "duration", "intensity", "cue", "direction", "passes", "tempo", "switch_sides", "side", "sources"}
	sourceKeys    = []string{"article", "quote", "paraphrase"}
	aftercareKeys = []string{"rest", "advice"}
)

// fields walks a mapping, checking that every key is known (the YAML parser
// already rejects a key given twice), and calls set for each. It returns false when node is not a mapping.
func (d *decoder) fields(n ast.Node, what, path string, known []string, set func(key string, v ast.Node)) bool {
	n = unwrap(n)
	m, ok := n.(ast.MapNode)
	if !ok {
		d.add(lineOf(n), "%s must be a mapping of keys (%s)", what, strings.Join(known, ", "))
		return false
	}
	d.pos[path] = lineOf(n)
	it := m.MapRange()
	for it.Next() {
		keyNode := it.Key()
		key, isText := scalarText(keyNode)
		line := lineOf(keyNode)
		switch {
		case !isText:
			d.add(line, "%s has a key that is not a plain word; valid keys: %s", what, strings.Join(known, ", "))
		case !contains(known, key):
			d.add(line, "unknown key %q in %s; valid keys: %s", key, what, strings.Join(known, ", "))
		default:
			// Problems are reported at the key's line: that is where a
			// reader looks, also for values that span several lines.
			d.pos[join(path, key)] = line
			set(key, it.Value())
		}
	}
	return true
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// unwrap looks through anchors and tags to the value they mark.
func unwrap(n ast.Node) ast.Node {
	for {
		switch v := n.(type) {
		case *ast.AnchorNode:
			n = v.Value
		case *ast.TagNode:
			n = v.Value
		default:
			return n
		}
	}
}

// scalarText returns the text of a scalar node, whatever YAML type it took
// (a title of 42 is the text "42").
func scalarText(n ast.Node) (string, bool) {
	switch v := unwrap(n).(type) {
	case *ast.StringNode:
		return v.Value, true
	case *ast.LiteralNode:
		if v.Value == nil {
			return "", true
		}
		return v.Value.Value, true
	case *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode, *ast.InfinityNode, *ast.NanNode:
		return v.GetToken().Value, true
	case *ast.NullNode:
		return "", true
	}
	return "", false
}

func (d *decoder) text(n ast.Node, what string) string {
	s, ok := scalarText(n)
	if !ok {
		d.add(lineOf(n), "%s must be text", what)
		return ""
	}
	return Clean(s)
}

func (d *decoder) choice(n ast.Node, what string, valid []string) string {
	s := d.text(n, what)
	if s != "" && !contains(valid, s) {
		d.add(lineOf(n), "%s %q is not one of: %s", what, s, strings.Join(valid, ", "))
		return ""
	}
	return s
}

func (d *decoder) duration(n ast.Node, what string) time.Duration {
	s := d.text(n, what)
	if s == "" {
		return 0
	}
	v, err := time.ParseDuration(s)
	if err != nil {
		d.add(lineOf(n), "%s %q is not a duration; write it like 45s, 2m or 1m30s", what, s)
		return 0
	}
	if v <= 0 {
		d.add(lineOf(n), "%s must be longer than zero", what)
		return 0
	}
	return v
}

func (d *decoder) textList(n ast.Node, what string) []string {
	seq, ok := unwrap(n).(*ast.SequenceNode)
	if !ok {
		d.add(lineOf(n), "%s must be a list, like [first, second] or lines starting with \"- \"", what)
		return nil
	}
	out := make([]string, 0, len(seq.Values))
	for _, v := range seq.Values {
		if s := d.text(v, what+" entry"); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func (d *decoder) routine(n ast.Node) *Routine {
	r := &Routine{}
	var stepsNode ast.Node
	ok := d.fields(n, "the routine", "", routineKeys, func(key string, v ast.Node) {
		switch key {
		case "id":
			r.ID = d.text(v, "id")
		case "title":
			r.Title = d.text(v, "title")
		case "for":
			r.For = Audience(d.choice(v, "for", []string{"self", "partner", "both"}))
		case "area":
			r.Area = Area(d.choice(v, "area", []string{"back", "lumbar"}))
		case "position":
			r.Position = d.text(v, "position")
		case "prepare":
			r.Prepare = d.textList(v, "prepare")
		case "sources":
			r.Sources = d.sources(v, "sources", "sources")
		case "steps":
			stepsNode = v
			r.Steps = d.steps(v)
		case "aftercare":
			r.Aftercare = d.aftercare(v)
		}
	})
	if !ok {
		return r
	}
	top := lineOf(n)
	for _, req := range []struct {
		key, hint string
		empty     bool
	}{
		{"id", "a short name of lowercase letters, digits and dashes, like lumbar-self", r.ID == ""},
		{"title", "the name shown in lists", r.Title == ""},
		{"for", "self, partner or both", r.For == ""},
		{"area", "back or lumbar", r.Area == ""},
		{"position", "how the massaged person lies", r.Position == ""},
	} {
		if req.empty {
			if _, present := d.pos[req.key]; !present {
				d.add(top, "missing %q: %s", req.key, req.hint)
			} else if !d.at(d.pos[req.key]) { // a wrong value is one mistake, not two
				d.add(d.pos[req.key], "%q is empty: %s", req.key, req.hint)
			}
		}
	}
	if stepsNode == nil {
		d.add(top, "missing \"steps\": a list of at least one step")
	}
	if r.Aftercare.Rest == 0 {
		r.Aftercare.Rest = DefaultRest
	}
	return r
}

func (d *decoder) steps(n ast.Node) []Step {
	seq, ok := unwrap(n).(*ast.SequenceNode)
	if !ok || len(seq.Values) == 0 {
		d.add(lineOf(n), "steps must be a list of at least one step, each starting with \"- title: ...\"")
		return nil
	}
	steps := make([]Step, 0, len(seq.Values))
	for i, v := range seq.Values {
		steps = append(steps, d.step(v, i))
	}
	return steps
}

func (d *decoder) step(n ast.Node, i int) Step {
	s := Step{}
	what := fmt.Sprintf("step %d", i+1)
	path := fmt.Sprintf("steps[%d]", i)
	ok := d.fields(n, what, path, stepKeys, func(key string, v ast.Node) {
		switch key {
		case "title":
			s.Title = d.text(v, what+" title")
		case "technique":
			s.Technique = Technique(d.choice(v, what+" technique", techniqueNames))
		case "zone":
			s.Zone = Zone(d.zone(v, what))
		case "duration":
			s.Duration = d.duration(v, what+" duration")
		case "intensity":
			s.Intensity = Intensity(d.choice(v, what+" intensity", []string{"gentle", "moderate", "firm"}))
		case "cue":
			s.Cue = d.text(v, what+" cue")
		case "direction":
			s.Direction = d.text(v, what+" direction")
		case "passes":
			s.Passes = d.passes(v, what)
		case "tempo":
			s.Tempo = d.duration(v, what+" tempo")
		case "switch_sides":
			s.SwitchSides = d.boolean(v, what+" switch_sides")
		case "side":
			s.Side = StepSide(d.choice(v, what+" side", []string{"first", "second"}))
		case "sources":
			s.Sources = d.sources(v, what+" sources", path+".sources")
		}
	})
	if !ok {
		return s
	}
	line := d.pos[path]
	for _, req := range []struct {
		key, hint string
		missing   bool
	}{
		{"title", "a short name for the step", s.Title == ""},
		{"technique", strings.Join(techniqueNames, ", "), s.Technique == ""},
		{"zone", strings.Join(zoneNames, ", "), s.Zone == ""},
		{"duration", "like 2m or 90s", s.Duration == 0},
		{"intensity", "gentle, moderate or firm", s.Intensity == ""},
	} {
		if _, present := d.pos[path+"."+req.key]; req.missing && !present {
			d.add(line, "%s has no %q: %s", what, req.key, req.hint)
		}
	}
	return s
}

var (
	techniqueNames = []string{"stroking", "deep-stroking", "rubbing", "squeezing", "kneading", "vibration", "shaking", "tapping", "patting", "beating", "hacking", "pressure", "rest"}
	zoneNames      = []string{"collar", "upper-back", "back", "lumbar", "lumbosacral", "gluteal", "paravertebral"}
)

func (d *decoder) zone(n ast.Node, what string) string {
	s := d.text(n, what+" zone")
	if s == "spine" {
		d.add(lineOf(n), "%s zone \"spine\" is not allowed: massage never works on the spinal column itself (“Therapeutic back massage” and “Therapeutic massage of the lumbosacral spine”); use paravertebral for the muscles beside it", what)
		return ""
	}
	if s != "" && !contains(zoneNames, s) {
		d.add(lineOf(n), "%s zone %q is not one of: %s", what, s, strings.Join(zoneNames, ", "))
		return ""
	}
	return s
}

func (d *decoder) boolean(n ast.Node, what string) bool {
	b, ok := unwrap(n).(*ast.BoolNode)
	if !ok {
		d.add(lineOf(n), "%s must be true or false", what)
		return false
	}
	return b.Value
}

func (d *decoder) passes(n ast.Node, what string) *Passes {
	seq, ok := unwrap(n).(*ast.SequenceNode)
	if !ok || len(seq.Values) != 2 {
		d.add(lineOf(n), "%s passes must be a range of two whole numbers, like [15, 20]", what)
		return nil
	}
	var nums [2]int
	for i, v := range seq.Values {
		s, _ := scalarText(v)
		num, err := strconv.Atoi(s)
		if err != nil || num < 1 || num > 1000 {
			d.add(lineOf(v), "%s passes must be whole numbers from 1 to 1000, like [15, 20]", what)
			return nil
		}
		nums[i] = num
	}
	if nums[0] > nums[1] {
		d.add(lineOf(n), "%s passes [%d, %d]: the smaller number comes first", what, nums[0], nums[1])
		return nil
	}
	return &Passes{Min: nums[0], Max: nums[1]}
}

func (d *decoder) aftercare(n ast.Node) Aftercare {
	a := Aftercare{}
	d.fields(n, "aftercare", "aftercare", aftercareKeys, func(key string, v ast.Node) {
		switch key {
		case "rest":
			a.Rest = d.duration(v, "aftercare rest")
		case "advice":
			a.Advice = d.text(v, "aftercare advice")
		}
	})
	return a
}
