/**
 * Ordinary phrases that contain a well-known name but do not mean its entity: "Turkey
 * breast" in a recipe, "China plates", "India Pale Ale". Keyed by the name as the
 * matcher folds it (lower case); each phrase contains that name and is matched as whole
 * words around it, like a pack's own `match.exclude` (compile.ts adds these to every
 * entity with that name; candidate-checks.ts applies them). Real uses stay matched:
 * "Turkey and Syria", "Turkey's president", "China's economy".
 *
 * Keep it short and certain: a phrase here hides the name on every page. A pack adds its
 * own with `match.exclude` (docs/pack-format.md).
 */
export const COMMON_PHRASES: ReadonlyMap<string, readonly string[]> = new Map([
  [
    'turkey',
    [
      'turkey breast', 'turkey breasts', 'turkey leg', 'turkey legs', 'turkey thigh', 'turkey thighs',
      'turkey wings', 'turkey crown', 'turkey mince', 'turkey meat', 'turkey slices', 'turkey bacon',
      'turkey burger', 'turkey burgers', 'turkey sandwich', 'turkey gravy', 'turkey stuffing',
      'turkey dinner', 'turkey roast', 'turkey stock', 'turkey vulture', 'roast turkey', 'roasted turkey',
      'stuffed turkey', 'whole turkey', 'thanksgiving turkey', 'christmas turkey', 'wild turkey', 'cold turkey',
    ],
  ],
  [
    'china',
    [
      'china plate', 'china plates', 'china cabinet', 'china cup', 'china cups', 'china dishes', 'china set',
      'china tea set', 'china doll', 'china shop', 'china clay', 'bone china', 'fine china', 'wedding china',
    ],
  ],
  ['india', ['india pale ale', 'india pale ales', 'india ink', 'india rubber']],
  ['jordan', ['jordan almond', 'jordan almonds', 'air jordan', 'air jordans']],
  [
    'chile',
    ['chile pepper', 'chile peppers', 'chile powder', 'chile sauce', 'chile con carne', 'chile relleno', 'green chile', 'red chile'],
  ],
  ['guinea', ['guinea pig', 'guinea pigs', 'guinea fowl']],
  ['panama', ['panama hat', 'panama hats']],
  ['brussels', ['brussels sprout', 'brussels sprouts']],
  ['cayenne', ['cayenne pepper']],
  ['madeira', ['madeira cake', 'madeira wine']],
]);
