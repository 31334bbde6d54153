import { Controller, Get, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { AuthenticatedEndpoint, ResponseSchema, type RequestWithMember } from '@chorus/service-kit';
import { GetMeQuery } from '../../application/queries/get-me/get-me.query.js';
import { MeResponse } from './dto/me.dto.js';

@ApiTags('auth')
@Controller('api/me')
export class MeHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @AuthenticatedEndpoint()
  @ApiOperation({
    summary: 'Who am I: profile, agency, workspaces and roles (for the x-chorus-workspace header)',
  })
  @ResponseSchema(200, MeResponse, 'The signed-in member')
  async getMe(@Req() request: RequestWithMember): Promise<z.infer<typeof MeResponse>> {
    const member = request.member!; // set by the edge guard on every authenticated route
    const me = await this.queries.execute(new GetMeQuery(member.tenantId, member.userId));
    return { ...me, workspaces: me.workspaces.map((w) => ({ ...w, roles: [...w.roles] })) };
  }
}
