"""The part of Open Referral HSDS 3.0 (tabular form) that the sociale kaart reads and writes.

Column names, their order, which are required, their types and enums follow the 3.0 `datapackage.json`
(see docs/hsds.md). Each table lists its columns in the specification's order; export writes them in that order.
Extra files beyond the five core files carry what the core files have no column for (see docs/sociale-kaart.md).
"""

from dataclasses import dataclass

from steunwerk.vocab import MethodDomain, TargetGroup

SERVICE_STATUSES = ("active", "inactive", "defunct", "temporarily closed")
PLACE_TYPES = ("physical", "postal", "virtual")  # location_type and address_type
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
FREQUENCIES = ("WEEKLY", "MONTHLY")


@dataclass(frozen=True)
class Column:
    name: str
    type: str = "text"  # text, uuid, email, uri, int, number, date, datetime, time, enum, country
    required: bool = False
    enum: tuple = ()
    strict_enum: bool = True  # False: an unknown value is kept, with a warning (docs/hsds.md, "Uncertain" 2)
    references: str = ""  # table name of a foreign key
    field: str = ""  # model field; "" = same as the column name

    @property
    def model_field(self):
        return self.field or self.name


@dataclass(frozen=True)
class Table:
    name: str  # resource name in the datapackage
    path: str  # file name
    columns: tuple
    aliases: tuple = ()  # other file names seen in the wild (singular spellings)
    label: str = ""  # Dutch plural for reports
    model: str = ""  # model class name in steunwerk.resources.models; "" = not stored as rows

    @property
    def column_names(self):
        return [c.name for c in self.columns]

    def column(self, name):
        return next(c for c in self.columns if c.name == name)


def _id():
    return Column("id", "uuid", required=True, field="hsds_id")


ORGANIZATIONS = Table(
    "organization",
    "organizations.csv",
    aliases=("organization.csv",),
    label="organisaties",
    model="Provider",
    columns=(
        _id(),
        Column("name", required=True),
        Column("alternate_name"),
        Column("description", required=True),
        Column("email", "email"),
        Column("website", "uri"),
        Column("tax_status"),
        Column("tax_id"),
        Column("year_incorporated", "int"),
        Column("legal_status"),
        Column("logo"),
        Column("uri", "uri"),
        Column("parent_organization_id", "uuid"),  # a self-reference without a declared foreign key
    ),
)

SERVICES = Table(
    "service",
    "services.csv",
    aliases=("service.csv",),
    label="diensten",
    model="Service",
    columns=(
        _id(),
        Column("organization_id", "uuid", required=True, references="organization", field="provider"),
        Column("program_id", "uuid"),  # programs.csv is not read, so this is kept as it came
        Column("name", required=True),
        Column("alternate_name"),
        Column("description"),
        Column("url", "uri"),
        Column("email", "email"),
        Column("status", "enum", required=True, enum=SERVICE_STATUSES),
        Column("interpretation_services"),
        Column("application_process"),
        Column("fees_description"),
        Column("wait_time"),
        Column("fees"),
        Column("accreditations"),
        Column("eligibility_description"),
        Column("minimum_age", "int"),
        Column("maximum_age", "int"),
        Column("assured_date", "date"),
        Column("assurer_email", "email"),
        Column("licenses"),
        Column("alert"),
        Column("last_modified", "datetime"),
    ),
)

LOCATIONS = Table(
    "location",
    "locations.csv",
    aliases=("location.csv",),
    label="locaties",
    model="Location",
    columns=(
        _id(),
        Column("location_type", "enum", required=True, enum=PLACE_TYPES, strict_enum=False),
        Column("url", "uri"),
        Column("organization_id", "uuid", references="organization", field="provider"),
        Column("name"),
        Column("alternate_name"),
        Column("description"),
        Column("transportation"),
        Column("latitude", "number"),
        Column("longitude", "number"),
        Column("external_identifier"),
        Column("external_identifier_type"),
    ),
)

SERVICE_AT_LOCATION = Table(
    "service_at_location",
    "service_at_location.csv",
    label="diensten op een locatie",
    model="ServiceAtLocation",
    columns=(
        _id(),
        Column("service_id", "uuid", required=True, references="service", field="service"),
        Column("location_id", "uuid", required=True, references="location", field="location"),
        Column("description"),
    ),
)

ADDRESSES = Table(
    "address",
    "addresses.csv",
    aliases=("address.csv",),
    label="adressen",
    model="Address",
    columns=(
        _id(),
        Column("location_id", "uuid", references="location", field="location"),
        Column("attention"),
        Column("address_1", required=True),
        Column("address_2"),
        Column("city", required=True),
        Column("region"),  # the wijk
        Column("state_province", required=True),
        Column("postal_code", required=True),
        Column("country", "country", required=True),
        Column("address_type", "enum", required=True, enum=PLACE_TYPES, strict_enum=False),
    ),
)

SCHEDULES = Table(
    "schedule",
    "schedules.csv",
    aliases=("schedule.csv",),
    label="openingstijden",
    model="Schedule",
    columns=(
        _id(),
        Column("service_id", "uuid", references="service", field="service"),
        Column("location_id", "uuid", references="location", field="location"),
        Column("service_at_location_id", "uuid", references="service_at_location", field="service_at_location"),
        Column("valid_from", "date"),
        Column("valid_to", "date"),
        Column("dtstart", "date"),
        Column("timezone", "number"),
        Column("until", "date"),
        Column("count", "int"),
        Column("wkst", "enum", enum=WEEKDAYS),
        Column("freq", "enum", enum=FREQUENCIES),
        Column("interval", "int"),
        Column("byday"),
        Column("byweekno"),
        Column("bymonthday"),
        Column("byyearday"),
        Column("description"),
        Column("opens_at", "time"),
        Column("closes_at", "time"),
        Column("schedule_link", "uri"),
        Column("attending_type"),
        Column("notes"),
    ),
)

ACCESSIBILITY = Table(
    "accessibility",
    "accessibility.csv",
    label="toegankelijkheidsgegevens",
    model="Accessibility",
    columns=(
        _id(),
        Column("location_id", "uuid", references="location", field="location"),
        Column("description"),
        Column("details"),
        Column("url", "uri"),
    ),
)

TAXONOMIES = Table(
    "taxonomy",
    "taxonomies.csv",
    aliases=("taxonomy.csv",),
    label="taxonomieën",
    columns=(
        _id(),
        Column("name", required=True),
        Column("description", required=True),
        Column("uri", "uri"),
        Column("version"),
    ),
)

TAXONOMY_TERMS = Table(
    "taxonomy_term",
    "taxonomy_terms.csv",
    aliases=("taxonomy_term.csv",),
    label="termen",
    columns=(
        _id(),
        Column("code"),
        Column("name", required=True),
        Column("description", required=True),
        Column("parent_id", "uuid"),
        Column("taxonomy"),
        Column("language"),
        Column("taxonomy_id", "uuid", references="taxonomy"),
        Column("term_uri", "uri"),
    ),
)

ATTRIBUTES = Table(
    "attribute",
    "attributes.csv",
    aliases=("attribute.csv",),
    label="kenmerken",
    columns=(
        _id(),
        Column("link_id", "uuid", required=True),  # polymorphic: checked against link_entity by the importer
        Column("taxonomy_term_id", "uuid", required=True, references="taxonomy_term"),
        Column("link_type"),
        Column("link_entity", required=True),
        Column("value"),
    ),
)

# In the order they are read and written: every foreign key points to a table earlier in the list.
TABLES = (
    ORGANIZATIONS,
    SERVICES,
    LOCATIONS,
    SERVICE_AT_LOCATION,
    ADDRESSES,
    SCHEDULES,
    ACCESSIBILITY,
    TAXONOMIES,
    TAXONOMY_TERMS,
    ATTRIBUTES,
)
BY_NAME = {t.name: t for t in TABLES}
REQUIRED_FILES = (ORGANIZATIONS, SERVICES)

# The rest of the 3.0 set (and 3.1 additions): recognised, not read.
OTHER_HSDS_FILES = (
    "programs.csv",
    "phones.csv",
    "contacts.csv",
    "funding.csv",
    "service_areas.csv",
    "required_documents.csv",
    "languages.csv",
    "metadata.csv",
    "meta_table_descriptions.csv",
    "cost_options.csv",
    "organization_identifiers.csv",
    "url.csv",
    "service_capacity.csv",
    "units.csv",
    "datapackage.json",
)

# Our two classifications travel as taxonomy terms; the term code is our code, the name the Dutch label.
DOMAIN_TAXONOMY = "steunwerk-domein"
TARGET_GROUP_TAXONOMY = "steunwerk-doelgroep"
OUR_TAXONOMIES = {
    DOMAIN_TAXONOMY: {
        "field": "domains",
        "choices": MethodDomain,
        "link_type": "",
        "description": "Levensgebieden van Steunwerk (methodewijzer en sociale kaart).",
    },
    TARGET_GROUP_TAXONOMY: {
        "field": "target_groups",
        "choices": TargetGroup,
        "link_type": "audience",
        "description": "Doelgroepen van Steunwerk (methodewijzer en sociale kaart).",
    },
}
