"""Load a network-sized data set for the benchmark (see ``demo.scale``)."""

from django.core.management.base import BaseCommand, CommandError

from demo import scale


class Command(BaseCommand):
    help = (
        "Load a network-sized data set for measuring the portal. Run it again to resume "
        "an interrupted run; --clean removes the data set."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=2026, help="Random seed (2026).")
        parser.add_argument(
            "--clean", action="store_true", help="Remove the data set this command made."
        )
        parser.add_argument(
            "--scale",
            type=float,
            default=1.0,
            help="Multiply every default size by this, e.g. 0.01 for a quick try.",
        )
        for key, default in scale.DEFAULTS.items():
            parser.add_argument(
                f"--{key}", type=int, default=None, help=f"How many {key} ({default:,})."
            )

    def handle(self, *args, **options):
        say = self.stdout.write
        if options["clean"]:
            scale.clean(out=say)
            self.stdout.write(self.style.SUCCESS("The scale data set is removed."))
            return
        if options["scale"] <= 0:
            raise CommandError("--scale must be more than 0.")
        sizes = {}
        for key, default in scale.DEFAULTS.items():
            value = options[key]
            if value is None:
                value = max(scale.SMALLEST.get(key, 1), round(default * options["scale"]))
            if value < 1:
                raise CommandError(f"--{key} must be at least 1.")
            sizes[key] = value
        try:
            scale.Seeder(seed=options["seed"], sizes=sizes, out=say).run()
        except scale.ScaleError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS("The scale data set is ready."))
