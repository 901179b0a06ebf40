import json
import sys

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from steunwerk.methods.catalogue import CATALOGUE_FILE, FIELDS, Index, document_for, load, read_catalogue
from steunwerk.methods.models import Method
from steunwerk.methods.recommend import Profile, ProfileError, recommend
from steunwerk.methods.serializers import method_dict
from steunwerk.textsearch import Corpus


def national_catalogue():
    """The national methods and their search corpus; straight from the shipped file when the database has not
    been migrated yet, so scripting works on a fresh install too."""
    try:
        return [m for m in Index.methods() if m.organisation_id is None], Index.corpus()
    except DatabaseError:
        methods = []
        for pk, entry in enumerate(read_catalogue(), start=1):
            values = {f: entry[f] if entry[f] is not None else "" for f in FIELDS if f in entry}
            values["in_esi_databank"] = entry.get("in_esi_databank")
            methods.append(Method(pk=pk, slug=entry["slug"], **values))
        return methods, Corpus([document_for(m) for m in methods])


class Command(BaseCommand):
    help = "The methodewijzer on the command line: recommend, show, load."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        rec = sub.add_parser("recommend", help="read a JSON profile on standard input, print ranked methods")
        rec.add_argument("--limit", type=int, default=None, help="at most this many results")
        show = sub.add_parser("show", help="one method")
        show.add_argument("slug")
        show.add_argument("--json", action="store_true", dest="as_json")
        sub.add_parser("list", help="slug and name of every method")
        bench = sub.add_parser("bench", help="time recommendations over a catalogue grown to --size methods")
        bench.add_argument("--size", type=int, default=500)
        bench.add_argument("--runs", type=int, default=200)
        load_cmd = sub.add_parser("load", help="(re)load the shipped catalogue")
        load_cmd.add_argument("--file", default=str(CATALOGUE_FILE))

    def handle(self, *args, action, **options):
        getattr(self, f"_{action}")(**options)

    def _fail(self, message):
        self.stderr.write(message)
        sys.exit(2)

    def _recommend(self, limit=None, **_):
        if limit is not None and limit < 1:
            self._fail("--limit moet 1 of meer zijn.")
        raw = sys.stdin.read()
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            self._fail(
                f"Geen geldige JSON op standaardinvoer ({exc.msg}, regel {exc.lineno}). Verwacht: "
                '{"target_groups": [...], "problem_level": "licht"|"complex"|null, '
                '"aim": "zelfredzaamheid"|"participatie"|"beide"|null, "domains": [...], "text": "..."}'
            )
        try:
            profile = Profile.from_dict(data)
        except ProfileError as exc:
            self._fail(str(exc))
        methods, corpus = national_catalogue()
        results, notes = recommend(profile, methods, corpus, limit=limit)
        self.stdout.write(
            json.dumps({"results": [r.as_dict() for r in results], "notes": notes}, ensure_ascii=False, indent=2)
        )

    def _show(self, slug, as_json=False, **_):
        method = Method.objects.filter(slug=slug, organisation__isnull=True).prefetch_related("related").first()
        if method is None:
            self._fail(f"Onbekende methode: {slug}. Zie 'steunwerk methods list'.")
        data = method_dict(method)
        if as_json:
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
        else:
            self.stdout.write(f"{method.name}\n\n{method.goal}\n\n{method.approach}")

    def _bench(self, size, runs, **_):
        from steunwerk.methods.bench import bench_recommend

        result = bench_recommend(size=size, runs=runs)
        self.stdout.write(json.dumps(result, indent=2))

    def _list(self, **_):
        for method in Method.objects.filter(organisation__isnull=True).order_by("slug"):
            self.stdout.write(f"{method.slug}\t{method.name}")

    def _load(self, file, **_):
        try:
            entries = read_catalogue(file)
        except (OSError, ValueError) as exc:
            raise CommandError(f"Kan {file} niet lezen: {exc}") from exc
        created, updated = load(Method, entries)
        self.stdout.write(f"{created} methoden toegevoegd, {updated} bijgewerkt.")
