"""Factories for tests. Reference areas come from the packaged file via the ``areas`` fixture."""

from __future__ import annotations

import factory

from antislavery.accounts.models import Role, User
from antislavery.areas.models import Area, Organisation


class AreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Area
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"test-area-{n}")
    name = factory.Sequence(lambda n: f"Test Area {n}")
    force_name = factory.LazyAttribute(lambda o: f"{o.name} Police")
    country = Area.Country.ENGLAND
    region = "Test Region"
    governance = Area.Governance.PCC


class OfficeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("slug",)

    area = factory.SubFactory(AreaFactory)
    slug = factory.LazyAttribute(lambda o: f"office-{o.area.slug}")
    name = factory.LazyAttribute(lambda o: f"Office of the PCC for {o.area.name}")
    kind = Organisation.Kind.OFFICE


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}@test.example")
    email = factory.LazyAttribute(lambda o: o.username)
    role = Role.COORDINATOR
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery")

    @factory.post_generation
    def saved(self, create: bool, extracted: object, **kwargs: object) -> None:
        if create:
            self.save()


def office_user(area: Area, role: str = Role.OFFICE_EDITOR, **kwargs: object) -> User:
    office = Organisation.objects.get(area=area) if Organisation.objects.filter(
        area=area).exists() else OfficeFactory(area=area)
    return UserFactory(role=role, organisation=office, **kwargs)


def coordinator(**kwargs: object) -> User:
    national, _ = Organisation.objects.get_or_create(
        slug="apcc", defaults={"name": "Association of Police and Crime Commissioners",
                               "kind": Organisation.Kind.NATIONAL})
    return UserFactory(role=Role.COORDINATOR, organisation=national, **kwargs)


def administrator(**kwargs: object) -> User:
    return UserFactory(role=Role.ADMINISTRATOR, is_staff=True, is_superuser=True, **kwargs)
