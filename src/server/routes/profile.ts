import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getProfile, saveProfile, type Profile } from '../../app/profile.js';
import { ProfileUpdate, ProfileView } from '../../contracts/profile.js';
import type { RouteOptions } from './index.js';

function profileView(p: Profile | null): ProfileView {
  return {
    name: p?.name ?? null,
    phone: p?.phone ?? null,
    address: p?.address ?? null,
    idTail: p?.idTail ?? null,
    adults: p?.adults ?? null,
    children: p?.children ?? null,
    hardshipCause: p?.hardshipCause ?? null,
    hardshipSince: p?.hardshipSince ?? null,
    hardshipStory: p?.hardshipStory ?? null,
    proofs: p?.proofs ?? [],
    updatedAt: p?.updatedAt ?? null,
  };
}

/** The borrower's profile (name, contact, household, hardship) that letters read. */
export const profileRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  const tags = ['profile'];
  const reply200 = { 200: z.object({ profile: ProfileView }) };

  app.get('/profile', { schema: { tags, response: reply200 } }, async () => ({
    profile: profileView(await getProfile(deps)),
  }));

  app.put(
    '/profile',
    { schema: { tags, body: ProfileUpdate, response: reply200 } },
    async (req) => ({
      profile: profileView(await saveProfile(deps, req.body, { actor: 'web' })),
    }),
  );
};
